/** Realistic values the Sweeppea seed is drawn from: a US sweepstakes platform's support desk. */

export interface SweeppeaPerson {
  readonly fullName: string;
  readonly email: string;
  readonly mobile: string;
  readonly userType: string;
  readonly language: string;
  readonly geo: readonly [number, number];
}

export const PRIMARY_PEOPLE: readonly SweeppeaPerson[] = [
  {
    fullName: 'John Doe',
    email: 'john.doe@example.com',
    mobile: '5551234567',
    userType: 'Administrator',
    language: 'en',
    geo: [40.7128, -74.006],
  },
  {
    fullName: 'María José Peña',
    email: 'mariajose.pena@summitoutdoor.com',
    mobile: '5125550148',
    userType: 'Manager',
    language: 'es',
    geo: [30.2672, -97.7431],
  },
  {
    fullName: 'Chloé Lefèvre',
    email: 'chloe.lefevre@summitoutdoor.com',
    mobile: '5145550172',
    userType: 'Editor',
    language: 'fr',
    geo: [45.5019, -73.5674],
  },
  {
    fullName: '佐藤 健',
    email: 'ken.sato@summitoutdoor.jp',
    mobile: '8035550119',
    userType: 'Manager',
    language: 'ja',
    geo: [35.6762, 139.6503],
  },
  {
    fullName: 'Olúwaseun Adébáyọ̀',
    email: 'seun.adebayo@summitoutdoor.com',
    mobile: '4045550193',
    userType: 'Editor',
    language: 'en',
    geo: [33.749, -84.388],
  },
];

export const OTHER_PEOPLE: readonly SweeppeaPerson[] = [
  {
    fullName: 'Dmitri Volkov',
    email: 'dmitri@brightlinecoffee.com',
    mobile: '2065550111',
    userType: 'Administrator',
    language: 'en',
    geo: [47.6062, -122.3321],
  },
  {
    fullName: 'Anaïs Moreau ☕',
    email: 'anais@brightlinecoffee.com',
    mobile: '2065550187',
    userType: 'Editor',
    language: 'fr',
    geo: [47.6097, -122.3331],
  },
];

export const SWEEPSTAKES = [
  'Summer Giveaway 2025',
  'Trailhead Gear Giveaway',
  'Win a Weekend in Banff 🏔️',
  'Holiday Cabin Getaway 2024',
  'Sorteo de Verano 2025',
  'Spring Paddle Instant Win',
] as const;

export const OTHER_SWEEPSTAKES = ['Brew-tiful Mornings Sweepstakes ☕', 'Win a Year of Coffee 2025'] as const;

export const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
] as const;

export interface SweeppeaTopic {
  readonly subject: string;
  readonly description: string;
  readonly resource: string;
}

export const TOPICS: readonly SweeppeaTopic[] = [
  {
    subject: 'Entry form rejects valid ZIP+4 codes',
    resource: 'entry-page',
    description:
      '<p>Entrants typing a ZIP+4 such as <code>30303-1234</code> get <em>&quot;Invalid ZIP code&quot;</em>.</p><p>Plain 5-digit ZIPs work.</p>',
  },
  {
    subject: 'Winner selection drew a disqualified entrant',
    resource: 'winners',
    description:
      '<p>The random draw for <strong>Trailhead Gear Giveaway</strong> picked entry #48213, which we disqualified on Monday.</p><p>Can you redraw and keep an audit trail?</p>',
  },
  {
    subject: 'Official rules PDF shows the wrong end date',
    resource: 'rules-generator',
    description:
      '<p>The generated rules say the promotion ends <strong>06/30/2025</strong>; the sweepstakes is set to end 07/15/2025 11:59 PM ET.</p>',
  },
  {
    subject: 'SMS keyword WINBANFF not replying',
    resource: 'sms-gateway',
    description:
      '<p>Texting <code>WINBANFF</code> to 55222 returns nothing since this morning.</p><ul><li>Carrier: T-Mobile &amp; Verizon</li><li>Short code status shows &quot;active&quot;</li></ul>',
  },
  {
    subject: 'Página de registro no carga en español — ¿ayuda?',
    resource: 'entry-page',
    description:
      '<p>Hola, la versión en español de la página de registro muestra un error 500.</p><p>La versión en inglés funciona bien. ¡Gracias!</p>',
  },
  {
    subject: '抽選結果のメールが届かない',
    resource: 'email-notifications',
    description: '<p>当選者への通知メールが送信されていません。</p><p>送信ログには「queued」と表示されたままです。</p>',
  },
  {
    subject: '🎉 Winner announcement banner cut off on mobile',
    resource: 'renaissance',
    description:
      '<p>On iPhone the winner banner is clipped after the first line.</p><p><img src="https://cdn.summitoutdoor.com/support/banner-clip.png" alt="clipped banner"></p>',
  },
  {
    subject: 'Entrées en double après l’import CSV',
    resource: 'entrants',
    description:
      '<p>Après l’import de <strong>entrants_mars.csv</strong>, chaque participant apparaît deux fois.</p><p>Pouvez-vous dédoublonner ?</p>',
  },
  {
    subject: 'Age gate lets 18-year-olds through in Alabama and Nebraska',
    resource: 'compliance',
    description: '<p>AL and NE require entrants to be <strong>19+</strong>. The age gate only checks 18+.</p>',
  },
  {
    subject: 'Instagram bonus entries not counted',
    resource: 'bonus-entries',
    description:
      '<p>Entrants who follow us on Instagram should get +5 entries.</p><p>The dashboard shows 0 bonus entries since <a href="https://status.sweeppea.com">the outage</a> last week.</p>',
  },
  {
    subject: 'Export of entrants to CSV times out (≈480k rows)',
    resource: 'exports',
    description: '<p>Export fails after ~60 seconds with a gateway timeout. Smaller date ranges work.</p>',
  },
  {
    subject: 'Custom domain giveaway.summitoutdoor.com shows SSL warning',
    resource: 'custom-domains',
    description:
      '<p>Browsers warn <em>NET::ERR_CERT_COMMON_NAME_INVALID</em> on our custom domain.</p><p>The CNAME points to <code>custom.sweeppea.com</code>.</p>',
  },
  {
    subject: 'Webhook to HubSpot fires twice per entry',
    resource: 'integrations',
    description:
      '<p>Every entry creates two contacts in HubSpot. The webhook log shows two 200 responses 40&nbsp;ms apart.</p>',
  },
  {
    subject: 'Two charges for March on our invoice 💳',
    resource: 'billing',
    description:
      '<p>Invoice INV-2025-0312 lists the <strong>Pro plan</strong> twice ($149.00 each). Please refund one.</p>',
  },
  {
    subject: 'AMOE mail-in entries need a bulk upload',
    resource: 'entrants',
    description:
      '<p>We received 312 mail-in entries (alternate method of entry). Is there a bulk upload instead of typing them in one by one?</p>',
  },
  {
    subject: 'Instant-win odds do not match the prize pool',
    resource: 'instant-win',
    description: '<p>We configured 50 prizes over 30 days; 41 were awarded in the first 3 days.</p>',
  },
  {
    subject: 'Add Québec French (fr-CA) to the rules generator',
    resource: 'rules-generator',
    description:
      '<p>For Québec we must publish rules in French. Could the generator add <strong>fr-CA</strong>?</p><p>Merci d’avance !</p>',
  },
  {
    subject: 'reCAPTCHA blocking entrants on Safari 17',
    resource: 'entry-page',
    description: '<p>About 12% of Safari users never see the submit button enable. Chrome &amp; Firefox are fine.</p>',
  },
];

export const NOTES = [
  'Investigating the issue...',
  'Reproduced on staging with the customer’s configuration.',
  'Escalated to engineering (renaissance team).',
  'Asked the customer for a HAR file from the affected browser.',
  'Received the HAR file: 403 from the CDN on /entry/submit.',
  'Cache purged for the entry page; waiting on the customer’s confirmation.',
  'Llamada con María José: confirma que el formulario ya funciona.',
  '顧客に再送手順を案内しました。',
  'Customer confirmed the workaround works for now.',
  'Linked to the GitHub issue; engineering estimates the next sprint.',
  'Customer asked for an update 👀',
  'Fix deployed to production in release 3.14.2.',
  'Refund of $149.00 issued; 5–7 business days to show.',
  'Follow-up email sent with the summary of the fix.',
];

export const CLOSERS = ['Derek Haynes', 'Priscila Santos', 'Megan O’Connor'] as const;

export const FILES = [
  { name: 'entry-page-error.png', type: 'image/png' },
  { name: 'rules-draft-v3.pdf', type: 'application/pdf' },
  { name: 'entrants_2025-03-14.csv', type: 'text/csv' },
  { name: 'スクリーンショット 2025-05-02.png', type: 'image/png' },
  { name: 'safari-capture.har', type: 'application/json' },
] as const;
