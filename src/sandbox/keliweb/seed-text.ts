/** Realistic values the Keliweb seed is drawn from: an Italian host's WHMCS support desk. */

export interface KeliwebPerson {
  readonly contactid: string;
  readonly name: string;
  readonly email: string;
}

export const PRIMARY_USER = {
  userid: '1',
  name: 'Cynthia Reilly',
  email: 'cynthia.reilly@trattoriadelponte.it',
} as const;
export const OTHER_USER = { userid: '2741', name: 'Salvatore Russo', email: 'salvatore@russoagrumi.it' } as const;

export const PRIMARY_CONTACTS: readonly KeliwebPerson[] = [
  { contactid: '0', name: PRIMARY_USER.name, email: PRIMARY_USER.email },
  { contactid: '14', name: 'Niccolò Bertè', email: 'niccolo.berte@trattoriadelponte.it' },
  { contactid: '15', name: "Francesca D'Amico", email: 'f.damico@trattoriadelponte.it' },
  { contactid: '16', name: 'Giuseppe Esposito', email: 'g.esposito@trattoriadelponte.it' },
  { contactid: '17', name: '陈静', email: 'chen.jing@trattoriadelponte.it' },
];

export const OTHER_CONTACTS: readonly KeliwebPerson[] = [
  { contactid: '0', name: OTHER_USER.name, email: OTHER_USER.email },
  { contactid: '88', name: 'Élodie Ferrari 🍋', email: 'elodie@russoagrumi.it' },
];

export const ADMINS = [
  { id: '2', name: 'Marco Bianchi' },
  { id: '5', name: 'Giulia Rossi' },
  { id: '9', name: 'Davide Conti' },
] as const;

export const DEPARTMENTS = {
  tech: { id: '2', name: 'Supporto Tecnico' },
  billing: { id: '3', name: 'Amministrazione' },
  domains: { id: '4', name: 'Domini' },
  sales: { id: '5', name: 'Commerciale' },
} as const;

export interface KeliwebTopic {
  readonly subject: string;
  readonly message: string;
  readonly dept: keyof typeof DEPARTMENTS;
  /** WHMCS `service`: `S<id>` for a product, `D<id>` for a domain. */
  readonly service: 'S' | 'D' | '';
}

export const TOPICS: readonly KeliwebTopic[] = [
  {
    subject: 'Certificato SSL non si rinnova',
    dept: 'tech',
    service: 'S',
    message:
      'Buongiorno,\r\n\r\nil certificato SSL di trattoriadelponte.it è scaduto ieri e non si è rinnovato.\r\n\r\nGrazie',
  },
  {
    subject: 'Errore 500 su WordPress dopo aggiornamento',
    dept: 'tech',
    service: 'S',
    message:
      'Salve,\r\n\r\ndopo l\'aggiornamento di WooCommerce il sito mostra solo "Errore 500".\r\n\r\nCordiali saluti',
  },
  {
    subject: 'Trasferimento dominio .it da altro provider',
    dept: 'domains',
    service: 'D',
    message: 'Vorrei trasferire il dominio osteriadelponte.it da Aruba a Keliweb. Come devo procedere?',
  },
  {
    subject: 'Casella PEC piena — non ricevo più messaggi',
    dept: 'tech',
    service: 'S',
    message: 'La casella PEC amministrazione@ risulta piena (1 GB). È possibile ampliarla?',
  },
  {
    subject: "Fattura elettronica non ricevuta per l'ordine #KW-88213",
    dept: 'billing',
    service: '',
    message:
      "Non abbiamo ricevuto la fattura elettronica tramite SDI per l'ordine #KW-88213. Codice destinatario: M5UXCR1.",
  },
  {
    subject: 'Rallentamenti del sito nelle ore serali',
    dept: 'tech',
    service: 'S',
    message: 'Tra le 20:00 e le 23:00 il sito impiega più di 10 secondi a caricare. Di giorno è tutto ok.',
  },
  {
    subject: 'Richiesta ripristino backup del 12/03',
    dept: 'tech',
    service: 'S',
    message: 'Per errore abbiamo cancellato la cartella /immagini. Potete ripristinare il backup del 12 marzo?',
  },
  {
    subject: 'Configurazione record MX per Google Workspace',
    dept: 'domains',
    service: 'D',
    message: 'Ci servono i record MX di Google Workspace sul dominio. Allego la lista fornita da Google.',
  },
  {
    subject: 'Accesso FTP negato: 530 Login incorrect',
    dept: 'tech',
    service: 'S',
    message: 'FileZilla restituisce "530 Login incorrect" anche con la password appena reimpostata.',
  },
  {
    subject: 'Upgrade a Hosting Pro: differenza di prezzo?',
    dept: 'sales',
    service: '',
    message: "Se passiamo a Hosting Pro a metà anno, pagheremo solo la differenza? Grazie dell'informazione.",
  },
  {
    subject: '网站无法访问 / Sito non raggiungibile dalla Cina',
    dept: 'tech',
    service: 'S',
    message:
      '您好，\r\n\r\n我们的客户在中国无法访问网站。I nostri clienti in Cina non riescono ad aprire il sito.\r\n\r\n谢谢',
  },
  {
    subject: '⚠️ Email di phishing a nome Keliweb?',
    dept: 'tech',
    service: '',
    message: 'Abbiamo ricevuto una mail che chiede di "rinnovare il dominio" con un link strano. È vostra?',
  },
  {
    subject: 'Modifica intestatario dominio (cambio P.IVA)',
    dept: 'domains',
    service: 'D',
    message: 'La società ha cambiato partita IVA: come aggiorniamo l’intestatario del dominio .it?',
  },
  {
    subject: 'Rimborso per rinnovo automatico non richiesto',
    dept: 'billing',
    service: '',
    message: 'È stato rinnovato automaticamente un hosting che avevamo disdetto. Chiediamo il rimborso di € 59,90.',
  },
];

export const ADMIN_REPLIES = [
  'Buongiorno,\r\n\r\nabbiamo preso in carico la richiesta e la stiamo verificando.\r\n\r\nCordiali saluti\r\nKeliweb Support',
  'Il certificato è stato rigenerato correttamente. Può verificare?',
  "Può inviarci uno screenshot dell'errore?",
  'Abbiamo aumentato la quota della casella a 5 GB.',
  'Il backup è stato ripristinato in una cartella separata: /restore_20250312/',
  'Per procedere ci serve il codice AuthInfo del dominio.',
  'Il ticket viene chiuso. Per qualsiasi necessità siamo a disposizione! 😊',
];

export const CUSTOMER_REPLIES = [
  'Grazie mille, ora funziona!',
  'Purtroppo il problema persiste.',
  'Allego lo screenshot richiesto.',
  'Ci sono aggiornamenti?',
  'Il codice AuthInfo è: Xk7#pL2q',
  '谢谢，已经可以访问了。',
  'Perfetto, potete chiudere il ticket.',
];

export const NOTES = [
  'Cliente con hosting Pro, priorità alta.',
  "Verificato: il rinnovo Let's Encrypt era bloccato da un record CAA.",
  "Inoltrato all'amministrazione per la nota di credito.",
  'Richiesto AuthInfo al cliente.',
];

export const ATTACHMENTS = ['screenshot_errore.png', 'fattura_KW-88213.pdf', 'log_accessi.txt', 'export-dns.csv'];
