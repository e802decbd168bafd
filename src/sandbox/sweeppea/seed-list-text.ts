/**
 * Topics of the tickets seeded after the first 30, for the list endpoints: subjects longer than
 * the 100 characters a list summary keeps (one of exactly 100, one of 99), and the search word
 * "leaderboard" in several cases, once only past the cut and once only in the description.
 */
import type { SweeppeaTopic } from './seed-text.js';

export const LIST_TOPICS: readonly SweeppeaTopic[] = [
  {
    subject: 'Leaderboard shows entrants from last month’s giveaway',
    resource: 'leaderboard',
    description:
      '<p>The public leaderboard for <strong>Spring Paddle Instant Win</strong> still lists March entrants.</p>',
  },
  {
    // 110 characters.
    subject:
      'Referral leaderboard awards double points to entrants who share the giveaway link on Facebook and on X at once',
    resource: 'referrals',
    description: '<p>Sharing on both networks within a minute gives 20 points instead of 10.</p>',
  },
  {
    // 117 characters.
    subject:
      'Prize fulfilment report lists the runner-up’s shipping address instead of the grand prize winner’s for the Banff trip',
    resource: 'winners',
    description:
      '<p>The fulfilment CSV for <strong>Win a Weekend in Banff 🏔️</strong> has the wrong address in row 1.</p>',
  },
  {
    // 118 characters; the search word only after the 100th.
    subject:
      'Entrants who signed up through the Spanish landing page during the weekend flash sale are missing from the LEADERBOARD',
    resource: 'entrants',
    description: '<p>About 140 entrants from <code>/es/</code> are in the entrants list but not ranked.</p>',
  },
  {
    // Exactly 100 characters: whole, though a summary cannot show it.
    subject: 'Leaderboard on the entry page lists entrants by email address; it should show first name and initial',
    resource: 'entry-page',
    description: '<p>Showing full email addresses publicly is a privacy problem for us.</p>',
  },
  {
    // 99 characters.
    subject: 'Sponsor mailing address is missing from the printable copy of the official rules for the fall promo',
    resource: 'rules-generator',
    description: '<p>The on-screen rules show the address; the PDF does not.</p>',
  },
  {
    subject: 'Ranking widget frozen since Tuesday',
    resource: 'renaissance',
    description: '<p>The embedded Leaderboard widget has shown the same ten names since Tuesday 9 AM ET.</p>',
  },
  {
    // 117 UTF-16 code units, 115 characters.
    subject:
      '🏆 Les gagnants du tirage instantané reçoivent deux courriels de confirmation et le second contient un lien expiré 😕',
    resource: 'email-notifications',
    description: '<p>Le second courriel arrive une heure plus tard et son lien renvoie une erreur 410.</p>',
  },
  {
    subject: 'Daily entry limit resets at midnight UTC instead of Eastern',
    resource: 'entry-page',
    description: '<p>Entrants on the East Coast can enter twice between 7 PM and midnight.</p>',
  },
  {
    subject: 'Bulk disqualify entrants by email domain',
    resource: 'entrants',
    description: '<p>We found 800 entries from <code>@mailinator.com</code>. Is there a bulk action?</p>',
  },
  {
    subject: 'Prize claim form asks for the date of birth twice',
    resource: 'winners',
    description: '<p>Step 2 and step 4 of the claim form both ask for the date of birth.</p>',
  },
  {
    subject: 'Zapier integration stopped sending new entrants',
    resource: 'integrations',
    description: '<p>The Zap shows no runs since Friday; reconnecting the account did not help.</p>',
  },
  {
    subject: 'Double opt-in email lands in spam for Gmail users',
    resource: 'email-notifications',
    description: '<p>Gmail marks the confirmation email as spam; DKIM shows <em>pass</em>.</p>',
  },
];

/** The other tenant's later tickets: one shares the search word, and must never list for the primary key. */
export const OTHER_LIST_TOPICS: readonly SweeppeaTopic[] = [
  {
    subject: 'Coffee club leaderboard stuck at yesterday’s totals ☕',
    resource: 'leaderboard',
    description: '<p>The leaderboard has not moved since yesterday 6 PM PT.</p>',
  },
  {
    subject: 'Barista photo contest uploads fail above 5 MB',
    resource: 'entry-page',
    description: '<p>Uploads of 5–10 MB photos stop at 99%.</p>',
  },
];
