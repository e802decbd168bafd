/** Realistic values the HostUp seed is drawn from: a Swedish web host's support desk. */

export interface HostupPerson {
  readonly name: string;
  readonly email: string;
}

export const PRIMARY_CLIENT = { id: '18342', group: 'Företag' } as const;
export const OTHER_CLIENT = { id: '20917', group: 'Privat' } as const;

export const PRIMARY_PEOPLE: readonly HostupPerson[] = [
  { name: 'Åsa Lindström', email: 'asa.lindstrom@jonkopingsbageri.se' },
  { name: 'Björn Ekström', email: 'bjorn@jonkopingsbageri.se' },
  { name: 'Märta Öberg', email: 'marta.oberg@jonkopingsbageri.se' },
  { name: '王芳', email: 'wang.fang@jonkopingsbageri.se' },
  { name: 'Jörg Müller', email: 'joerg.mueller@jonkopingsbageri.se' },
];

export const OTHER_PEOPLE: readonly HostupPerson[] = [
  { name: 'Sigrid Nåls', email: 'sigrid@nordljus.se' },
  { name: 'Elias Qvist 🎨', email: 'elias@nordljus.se' },
];

export const STAFF = [
  {
    id: '3',
    username: 'esjoberg',
    firstname: 'Erik',
    lastname: 'Sjöberg',
    email: 'erik.sjoberg@hostup.se',
    status: 'Active',
  },
  {
    id: '7',
    username: 'lhakansson',
    firstname: 'Linnea',
    lastname: 'Håkansson',
    email: 'linnea.hakansson@hostup.se',
    status: 'Active',
  },
  {
    id: '12',
    username: 'onystrom',
    firstname: 'Oskar',
    lastname: 'Nyström',
    email: 'oskar.nystrom@hostup.se',
    status: 'Active',
  },
] as const;

/** `slug` is the v2 API's `departmentSlug`; the legacy API shows `dept_id` and `deptname`. */
export const DEPARTMENTS = {
  tech: { id: '1', name: 'Teknisk support', slug: 'tech-support' },
  billing: { id: '2', name: 'Ekonomi', slug: 'billing' },
  domains: { id: '4', name: 'Domäner', slug: 'domains' },
} as const;

export const SERVICES = {
  hosting: { serviceType: 'hosting', serviceName: 'Webbhotell Premium', hostname: 's12.hostup.se' },
  vps: { serviceType: 'vps', serviceName: 'VPS Medium 4 GB', hostname: 'vps-1843.hostup.se' },
  domain: { serviceType: 'domain', serviceName: 'jonkopingsbageri.se', hostname: 'jonkopingsbageri.se' },
} as const;

export interface HostupTopic {
  readonly subject: string;
  readonly body: string;
  readonly dept: keyof typeof DEPARTMENTS;
  readonly tags: readonly string[];
  readonly service?: keyof typeof SERVICES;
}

export const TOPICS: readonly HostupTopic[] = [
  {
    subject: 'Webbplatsen laddar långsamt sedan i morse',
    dept: 'tech',
    tags: ['prestanda', 'webbhotell'],
    service: 'hosting',
    body: 'Hej!\n\nVår webbplats jonkopingsbageri.se tar över 8 sekunder att ladda sedan i morse. Inget har ändrats hos oss.\n\nMvh\nÅsa',
  },
  {
    subject: 'SSL-certifikatet förnyas inte automatiskt',
    dept: 'tech',
    tags: ['ssl'],
    service: 'hosting',
    body: 'Hej,\n\nCertifikatet för www.jonkopingsbageri.se gick ut i natt och besökarna får en varning i webbläsaren.\n\nTack på förhand!',
  },
  {
    subject: 'E-post hamnar i skräppost hos Gmail',
    dept: 'tech',
    tags: ['e-post', 'spf', 'dkim'],
    service: 'hosting',
    body: 'Alla våra orderbekräftelser hamnar i skräpposten hos kunder med Gmail. Kan ni kolla SPF och DKIM?',
  },
  {
    subject: 'DNS: lägg till MX-poster för Google Workspace',
    dept: 'domains',
    tags: ['dns'],
    service: 'domain',
    body: 'Vi byter till Google Workspace. Kan ni lägga till MX-posterna enligt bifogad lista?\n\n/Björn',
  },
  {
    subject: '🚨 VPS svarar inte efter omstart',
    dept: 'tech',
    tags: ['vps', 'akut'],
    service: 'vps',
    body: 'Vår VPS svarar inte på SSH eller HTTP efter en omstart kl 03:10. Konsolen i kundpanelen visar en svart skärm.',
  },
  {
    subject: 'Fråga om faktura #HU-2025-04411',
    dept: 'billing',
    tags: ['faktura'],
    body: 'Hej,\n\nFakturan #HU-2025-04411 har dragits två gånger från vårt kort. Kan ni kreditera den ena?\n\nVänliga hälsningar\nMärta Öberg',
  },
  {
    subject: 'WordPress visar ”Error establishing a database connection”',
    dept: 'tech',
    tags: ['wordpress', 'mysql'],
    service: 'hosting',
    body: 'Sajten visar bara ”Error establishing a database connection”. Vi har inte ändrat wp-config.php.',
  },
  {
    subject: 'Flytta domän från Loopia till HostUp',
    dept: 'domains',
    tags: ['domänflytt'],
    service: 'domain',
    body: 'Vi vill flytta bageriet-jonkoping.se från Loopia. Auth-koden är: 8Kd#v2!Qm (giltig i 7 dagar).',
  },
  {
    subject: 'Återställ backup från 2025-03-02',
    dept: 'tech',
    tags: ['backup'],
    service: 'hosting',
    body: 'En plugin-uppdatering förstörde butiken. Kan ni återställa public_html och databasen från 2 mars?',
  },
  {
    subject: 'Cannot log in to the control panel (2FA code rejected)',
    dept: 'tech',
    tags: ['inloggning', '2fa'],
    body: 'Hi,\n\nMy authenticator app codes are rejected since I changed phones. Could you reset 2FA for jorg.mueller?\n\nDanke,\nJörg',
  },
  {
    subject: 'PHP 8.3 för vår WooCommerce-butik?',
    dept: 'tech',
    tags: ['php', 'woocommerce'],
    service: 'hosting',
    body: 'Går det att uppgradera till PHP 8.3 på vårt webbhotell utan driftstopp?',
  },
  {
    subject: '文件上传失败 – File upload fails above 2 MB',
    dept: 'tech',
    tags: ['php', 'uppladdning'],
    service: 'hosting',
    body: '您好，\n\n上传超过 2 MB 的图片时出现 413 错误。Uploads above 2 MB fail with 413.\n\n谢谢！\n王芳',
  },
  {
    subject: 'Uppsägning av tjänsten Webbhotell Start',
    dept: 'billing',
    tags: ['uppsägning'],
    body: 'Vi vill säga upp Webbhotell Start (s07) från nästa period. Allt är flyttat till Premium.',
  },
  {
    subject: 'Mail quota full on info@ 📬',
    dept: 'tech',
    tags: ['e-post', 'kvot'],
    service: 'hosting',
    body: 'info@jonkopingsbageri.se says the mailbox is full (1 GB). Can we get 5 GB?',
  },
];

export const STAFF_REPLIES = [
  'Hej!\n\nTack för att du hör av dig. Vi tittar på det direkt.\n\nMed vänliga hälsningar\nHostUp Support',
  'Vi har startat om PHP-FPM och tömt cachen. Kan du testa igen?',
  'Certifikatet är nu utfärdat via Let’s Encrypt och förnyas automatiskt framöver.',
  'SPF-posten saknade include:_spf.google.com. Vi har lagt till den, ändringen slår igenom inom en timme.',
  'Backupen är återställd till /home/jonkop/restore-2025-03-02/ så att du kan jämföra först.',
  'Vi behöver verifiera ägarskapet — kan du svara från kontots e-postadress?',
  'Ärendet är löst, vi stänger det. Hör av dig om något mer dyker upp! 🙂',
];

export const CLIENT_REPLIES = [
  'Tack! Det fungerar nu.',
  'Tyvärr samma problem fortfarande.',
  'Här är en skärmdump av felet.',
  'Kan ni ge en uppdatering?',
  'Vi får fortfarande felet ibland, särskilt på kvällarna.',
  '谢谢，问题已经解决了。',
  'Toppen, tack för snabb hjälp!',
];

export const NOTES = [
  'Kunden har Premium-support, prioritera.',
  'Kontrollerat serverloggar: OOM-killer kl 03:12, minnet höjt till 4 GB.',
  'Faktura krediterad 2025-04-12 /Linnea',
  'Eskalerat till drift (s12).',
];

export const ATTACHMENTS = [
  'skarmdump-2025-03-04.png',
  'felmeddelande.txt',
  'faktura_HU-2025-04411.pdf',
  'mx-poster.csv',
  'error_log.gz',
];

export const STATUS_COLORS: Readonly<Record<string, string>> = {
  Open: '#5cb85c',
  Answered: '#3a87ad',
  'Client-Reply': '#f89406',
  'In-Progress': '#9b59b6',
  'On-Hold': '#e67e22',
  Closed: '#999999',
};
