/** Realistic values the Kapture seed is drawn from: an Indian e-commerce brand's CRM. */

export interface KapturePerson {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
}

/** Kapture HTML-escapes names (`Kapture Dev API&apos;s` in docs/providers/kapture.md). */
export const EMPLOYEES = [
  { id: 209803, name: 'Kapture Dev API&apos;s' },
  { id: 211457, name: 'Neha Kulkarni' },
  { id: 211902, name: 'Karthik Subramanian' },
  { id: 212340, name: 'Sneha D&apos;Souza' },
] as const;

export const PRIMARY_CUSTOMERS: readonly KapturePerson[] = [
  { id: 55012031, name: 'Priya Raghunathan', email: 'priya.raghunathan@gmail.com', phone: '9845012345' },
  { id: 55012877, name: 'Arjun Mehta', email: 'arjun.mehta84@yahoo.co.in', phone: '9820098765' },
  { id: 55013410, name: 'Ananya Chatterjee', email: 'ananya.c@outlook.com', phone: '9831056789' },
  { id: 55014022, name: 'Rohan Iyer', email: 'rohan.iyer@gmail.com', phone: '9884023456' },
  { id: 55014599, name: '李伟', email: 'li.wei@qq.com', phone: '9900112233' },
  { id: 55015102, name: 'Fatima Sheikh 🌙', email: 'fatima.sheikh@gmail.com', phone: '9769034567' },
  { id: 55015630, name: 'Zoë Fernandes', email: 'zoe.fernandes@hotmail.com', phone: '9822045678' },
];

export const OTHER_CUSTOMERS: readonly KapturePerson[] = [
  { id: 61200417, name: 'Vikram Singh', email: 'vikram.singh@rediffmail.com', phone: '9811122334' },
  { id: 61200950, name: 'Meera Nair', email: 'meera.nair@gmail.com', phone: '9847098470' },
];

export const TENANT_HOSTS = {
  primary: 'https://devapi.kapturecrm.com',
  other: 'https://freshbasket.kapturecrm.com',
} as const;

export interface KaptureTopic {
  readonly title: string;
  readonly detail: string;
  readonly order: boolean;
}

export const TOPICS: readonly KaptureTopic[] = [
  {
    title: 'Refund not received for returned shoes',
    order: true,
    detail: 'I returned the shoes on 3rd March but the refund of ₹2,499 is still not credited to my account.',
  },
  {
    title: '📦 Delivery delayed by more than a week',
    order: true,
    detail: 'Order shows &quot;Out for delivery&quot; since 8 days. Please check with the courier.',
  },
  {
    title: 'UPI payment deducted twice',
    order: true,
    detail: 'Amount ₹1,349 was debited twice via PhonePe. UTR 412398765432 and 412398765433.',
  },
  {
    title: 'Wrong size delivered – need exchange',
    order: true,
    detail: 'Ordered size 9 (UK) but received size 7. Please arrange an exchange pickup.',
  },
  {
    title: 'OTP not received on app login',
    order: false,
    detail: 'Not getting any OTP on my registered number since yesterday. Tried 5 times.',
  },
  {
    title: 'EMI conversion request',
    order: true,
    detail: 'Please convert my HDFC credit card purchase into 6 months no-cost EMI.',
  },
  {
    title: 'Damaged product received (screen cracked)',
    order: true,
    detail: 'The tablet screen was cracked when I opened the box. Unboxing video attached.',
  },
  {
    title: 'Cancel my order before shipping',
    order: true,
    detail: 'I placed the order by mistake, please cancel it before it ships.',
  },
  {
    title: 'कूपन कोड काम नहीं कर रहा है',
    order: false,
    detail: 'SAVE20 कूपन लगाने पर &quot;invalid coupon&quot; दिख रहा है।',
  },
  {
    title: 'GSTIN correction on invoice',
    order: true,
    detail: 'Please reissue the invoice with GSTIN 29ABCDE1234F1Z5 for our company.',
  },
  {
    title: 'Account blocked after multiple login attempts',
    order: false,
    detail: 'My account got blocked after I entered a wrong password. Please unblock.',
  },
  {
    title: 'Cashback of ₹150 not credited 💸',
    order: true,
    detail: 'The Paytm cashback offer of ₹150 was not credited after 7 days.',
  },
  {
    title: '商品未收到 – item not received',
    order: true,
    detail: '订单显示已送达，但我没有收到。Order marked delivered but not received.',
  },
  {
    title: 'Delivery agent asked for extra money',
    order: true,
    detail: 'The delivery agent asked ₹50 extra for &quot;fuel charges&quot;. This is not acceptable.',
  },
  {
    title: 'Café espresso machine stopped heating',
    order: true,
    detail: 'The De’Longhi machine from my order stopped heating after two weeks. Need a replacement.',
  },
];

export const CUSTOMER_MESSAGES = [
  'Any update on this? It has been 3 days.',
  'Please find the screenshot attached.',
  'Still not resolved 😞',
  'Thanks, received it now.',
  'Can someone call me on my registered number?',
  'धन्यवाद, समस्या हल हो गई।',
];

export const AGENT_MESSAGES = [
  'Dear Customer, we have escalated your concern to the concerned team.',
  'We have initiated the refund; it will reflect in 5-7 working days.',
  'Pickup for the exchange is scheduled for tomorrow between 10 AM and 6 PM.',
  'Could you please share the unboxing video or images?',
  'Internal note: courier partner confirmed RTO, refund approved.',
  'Your issue has been resolved. Thank you for shopping with us!',
];

export const SOURCES = ['Email', 'Mobile App', 'Web Form', 'WhatsApp', 'Call', 'Twitter'] as const;
export const QUEUES = [
  { key: 'L1_SUPPORT', name: 'L1 Support' },
  { key: 'REFUNDS', name: 'Refunds' },
  { key: 'LOGISTICS', name: 'Logistics Escalations' },
] as const;
export const CITIES = [
  ['Bengaluru', '560034'],
  ['Mumbai', '400053'],
  ['Kolkata', '700019'],
  ['Chennai', '600041'],
  ['New Delhi', '110017'],
] as const;
export const FILES = [
  'unboxing_video.mp4',
  'payment_screenshot.jpg',
  'invoice_OD431298765.pdf',
  'courier_receipt.png',
] as const;
