#!/usr/bin/env node
// Usage: node scale.mjs <answers> <outdir>
//
// Copies the example trust center (content/) to <outdir> and adds generated answer files until it
// holds <answers> answers in all. The generated answers are the benchmark's distractors: a large
// company's questionnaire library, one file per product line, each answer about one security topic
// for one of its components. They share the real answers' vocabulary (backups, SSO, encryption,
// subprocessors …) without being copies, so that ranking, not just matching, decides whether the
// real answer comes first. Generation is seeded: the same count gives the same files, and a
// smaller scale's answers are a prefix of a larger one's.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify, TomlDate } from 'smol-toml';

const HERE = dirname(fileURLToPath(import.meta.url));
export const EXAMPLE_CONTENT = resolve(HERE, '../../content');
const PER_FILE = 100;
const SEED = 0x7e57c0de;

/** mulberry32: tiny, seedable, good enough to vary text. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (s) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// Product lines of a fictional group that bought several companies: each has its own answer file.
const CODENAMES = ['Arden', 'Bramble', 'Cinder', 'Dovetail', 'Ember', 'Fjord', 'Granite', 'Halcyon', 'Ironleaf',
  'Juniper', 'Kestrel', 'Lantern', 'Marlow', 'Northwind', 'Oakridge', 'Pinecrest', 'Quarry', 'Riverbend',
  'Saltmarsh', 'Thistle', 'Umber', 'Vantage', 'Willow', 'Yarrow', 'Zephyr'];
const LINES = ['Expenses', 'Treasury', 'Procurement', 'Payroll', 'Receivables', 'Contracts', 'Travel', 'Tax Engine',
  'Cash Forecasting', 'Supplier Onboarding', 'Budgeting', 'Asset Register', 'Card Issuing', 'Collections',
  'Purchase Orders', 'Reporting Hub'];
const COMPONENTS = ['supplier portal', 'approvals mobile app', 'reporting warehouse', 'payment file generator',
  'OCR pipeline', 'billing service', 'admin console', 'public API', 'invoice inbox', 'webhook relay',
  'analytics cluster', 'build runners', 'document archive', 'search cluster', 'identity broker',
  'data export service', 'reconciliation engine', 'notification service', 'customer success CRM',
  'internal wiki', 'HR information system', 'ticketing system', 'remittance parser', 'e-invoicing gateway',
  'feature flag service', 'message queue', 'scheduler', 'browser extension', 'Excel add-in', 'ERP connector'];
const VENDOR_A = ['Arcline', 'Bluecrest', 'Corvid', 'Driftwood', 'Eastgate', 'Foxglove', 'Greyhaven', 'Heron',
  'Inkwell', 'Jetty', 'Keystone', 'Larkspur', 'Moorland', 'Nettle', 'Orchard', 'Pebble', 'Redwing', 'Sable',
  'Tidewater', 'Upland', 'Vesper', 'Wren'];
const VENDOR_B = ['Systems', 'Labs', 'Cloud', 'Software', 'Data', 'Networks', 'Analytics', 'Security', 'Hosting', 'Mail'];
const SITES = ['Hamburg', 'Kraków', 'Lisbon', 'Dublin', 'Vienna', 'Amsterdam', 'Zurich', 'Madrid', 'Tallinn', 'Lyon'];
const COUNTRIES = ['Germany', 'Ireland', 'the Netherlands', 'France', 'Switzerland', 'Poland', 'Finland', 'Austria',
  'Belgium', 'Sweden', 'the United States', 'the United Kingdom', 'Canada'];
const FREQ = ['every quarter', 'every month', 'twice a year', 'every year', 'every week', 'after every major release'];
const DAYS = ['7', '14', '30', '45', '60', '90', '180', '365'];
const HOURS = ['4', '8', '24', '48', '72'];
const MINUTES = ['5', '15', '30', '60'];
const TEAMS = ['platform team', 'security engineering team', 'site reliability team', 'privacy team',
  'IT operations team', 'compliance team', 'people team', 'procurement team', 'data engineering team'];

/**
 * Security topics as questionnaires ask them: question and sentence templates with slots
 * ({product}, {component}, {vendor}, {site}, {country}, {freq}, {days}, {hours}, {minutes}, {team}), tags and the CAIQ
 * domain the mapping ids come from. The first four sentences answer the four questions, in order.
 */
const TOPICS = [
  {
    id: 'backups', caiq: 'BCR', tags: ['backup', 'restore', 'snapshot', 'point-in-time recovery', 'retention'],
    questions: ['Is the {component} of {product} backed up, and how long are backups kept?',
      'How often are restores of {product} backups tested?', 'Are {product} backups stored off-site and encrypted?',
      'Can a single customer record be restored from a {product} backup?'],
    sentences: ['Snapshots of the {component} are taken every night and kept for {days} days in a second site in {country}.',
      'Restore tests of the {component} run {freq}, and the {team} records the time each restore took.',
      'Backups are encrypted with the same keys as production and can only be read by the restore role.',
      'Individual records cannot be restored on their own; a restore brings back the whole tenant into a staging copy first.',
      'Point-in-time recovery covers the last {days} days for the databases behind {product}.',
      'Backup jobs that fail page the on-call engineer, and a missed backup is reported to the {team} the next morning.'],
  },
  {
    id: 'logging', caiq: 'LOG', tags: ['logging', 'monitoring', 'siem', 'audit trail', 'alerting'],
    questions: ['Which events does the {component} of {product} log, and for how long?',
      'Are {product} logs forwarded to a SIEM and reviewed?', 'How are log files of {product} protected against tampering?',
      'Can administrators export the activity log of {product}?'],
    sentences: ['The {component} logs sign-ins, configuration changes and data exports, and the logs are kept for {days} days.',
      'Logs are shipped to the central SIEM operated by {vendor}, where detection rules alert the {team}.',
      'Log storage is append-only: engineers can read logs but cannot change or delete them.',
      'Administrators can export the activity log of {product} as CSV or stream it through the API.',
      'Personal data in logs is kept to identifiers; invoice contents and bank details are masked before logging.',
      'Alerts are triaged within 30 minutes during business hours in {site} and within an hour at night.'],
  },
  {
    id: 'hr', caiq: 'HRS', tags: ['onboarding', 'offboarding', 'background screening', 'training', 'contractors'],
    questions: ['Are contractors working on {product} screened before they start?',
      'What happens to the accounts of a {product} employee who leaves?',
      'Do engineers of the {site} office complete security awareness training?',
      'Are staff of {product} bound by a code of conduct and disciplinary process?'],
    sentences: ['Contractors go through the same identity and reference checks as employees before they get any account.',
      'The {team} removes leavers from every system on their last day, driven by the HR information system.',
      'New joiners in {site} complete awareness training in their first week and a refresher {freq}.',
      'The code of conduct and the disciplinary process are part of every employment contract.',
      'Role changes trigger an access review by the new manager within {days} days.',
      'Completion of mandatory training is tracked per team and reported to management {freq}.'],
  },
  {
    id: 'vendors', caiq: 'STA', tags: ['vendor risk', 'third party', 'supplier', 'due diligence', 'subprocessor'],
    questions: ['How was {vendor} assessed before {product} started using it?',
      'Does {product} rely on any fourth parties for the {component}?',
      'How often are critical suppliers of {product} reviewed?',
      'Is {vendor} a subprocessor of {product}, and where does it process data?'],
    sentences: ['{vendor} completed our supplier security questionnaire and provided its ISO 27001 certificate before signing.',
      'The {component} depends on {vendor}, which processes data in {country} under a data processing agreement.',
      'Critical suppliers are reviewed {freq} by the {team}, including their audit reports and open findings.',
      'Suppliers that would process customer data are announced as subprocessors before they are used.',
      'Contracts with suppliers include confidentiality, breach notification within {hours} hours and the right to audit.',
      'Suppliers without an independent audit report answer a questionnaire and a call with our security engineers.'],
  },
  {
    id: 'physical', caiq: 'DCS', tags: ['physical security', 'office', 'data centre', 'badge access', 'visitors'],
    questions: ['How is physical access to the {site} office controlled?',
      'Does any {product} equipment sit outside the cloud data centres?',
      'Are visitors to the {site} office escorted?', 'Is CCTV used at the {site} office?'],
    sentences: ['The {site} office uses personal badges, and access to the server room is limited to the IT operations team.',
      'No customer data is stored in the {site} office; {product} runs entirely in the cloud provider\'s data centres.',
      'Visitors sign in at reception, wear a visible badge and are accompanied at all times.',
      'CCTV covers the entrances and is kept for {days} days, in line with local law.',
      'Network equipment in the office is in a locked cabinet, and office networks have no route to production.',
      'Clean desk and screen lock rules apply, and printed documents go into locked shredding bins.'],
  },
  {
    id: 'sdlc', caiq: 'AIS', tags: ['secure development', 'code review', 'static analysis', 'release', 'threat model'],
    questions: ['How is security built into the development of the {component} of {product}?',
      'Are releases of {product} reviewed and tested before deployment?',
      'Does {product} use static and dynamic application security testing?',
      'Who can deploy changes to the {component}?'],
    sentences: ['New features of {product} that touch authentication or payments get a threat model first.',
      'Changes to the {component} need a pull request reviewed by a second engineer before they can be merged.',
      'Static analysis and dependency scanning run on every commit; a dynamic scan of {product} runs {freq}.',
      'Only the deployment pipeline can deploy to production; engineers cannot push releases from their laptops.',
      'Releases are signed, and a software bill of materials is kept for every version of the {component}.',
      'Security findings from testing are tracked in the same backlog as features, with due dates by severity.'],
  },
  {
    id: 'keys', caiq: 'CEK', tags: ['encryption', 'key management', 'kms', 'hsm', 'key rotation'],
    questions: ['How are encryption keys for the {component} of {product} stored?',
      'Are the keys protecting {product} data rotated?', 'Which encryption algorithms does {product} use?',
      'Can {product} customers manage their own keys?'],
    sentences: ['Keys for the {component} live in a cloud key management service backed by hardware security modules.',
      'Data keys are rotated {freq}, and old keys stay available only to decrypt existing data.',
      'Data at rest is encrypted with AES-256-GCM, and connections use TLS 1.2 or newer.',
      'Customer-managed keys are not offered for {product}; each tenant has a separate data key.',
      'Access to key operations is limited to the services that need them and every use is logged.',
      'Secrets such as API tokens are held in a vault and injected at runtime, never committed to code.'],
  },
  {
    id: 'dr', caiq: 'BCR', tags: ['disaster recovery', 'failover', 'rto', 'rpo', 'business continuity'],
    questions: ['What are the recovery objectives for the {component} of {product}?',
      'Has the disaster recovery plan of {product} been tested?',
      'What happens to {product} if the primary region in {country} fails?',
      'Is there a business continuity plan covering the {site} office?'],
    sentences: ['The {component} has a recovery time objective of {hours} hours and a recovery point objective of {minutes} minutes.',
      'The disaster recovery plan of {product} is tested {freq} by failing over to the standby region.',
      'If the primary region fails, traffic moves to the standby region in {country} after a manual decision by the incident commander.',
      'The business continuity plan covers the loss of the {site} office, key suppliers and key people.',
      'Runbooks for recovery are kept outside the production environment so they are available during an outage.',
      'Lessons from each exercise are tracked by the {team} until they are closed.'],
  },
  {
    id: 'privacy', caiq: 'DSP', tags: ['personal data', 'gdpr', 'data subject request', 'data minimisation', 'consent'],
    questions: ['What personal data does the {component} of {product} process?',
      'How does {product} handle data subject access requests?', 'Is personal data in {product} minimised and pseudonymised?',
      'Does {product} process personal data of children or special categories?'],
    sentences: ['The {component} processes names, business email addresses and the roles of customer users.',
      'Access and deletion requests for {product} are answered by the {team} within {days} days.',
      'Analytics use pseudonymous identifiers, and IP addresses are truncated before they are stored.',
      '{product} is not designed for special categories of data or for data about children.',
      'A record of processing activities covers {product}, and it is reviewed {freq}.',
      'Where {product} relies on consent, for example for product newsletters, consent can be withdrawn at any time.'],
  },
  {
    id: 'access', caiq: 'IAM', tags: ['access control', 'least privilege', 'sso', 'mfa', 'access review'],
    questions: ['Who has administrative access to the {component} of {product}?',
      'Is multi-factor authentication required for staff accessing {product}?',
      'How often is access to the {component} reviewed?', 'Does {product} support single sign-on for customers?'],
    sentences: ['Administrative access to the {component} is limited to the {team} and granted just in time.',
      'Staff sign in through the company identity provider with hardware security keys as the second factor.',
      'Access to the {component} is reviewed {freq}, and unused accounts are disabled after {days} days.',
      '{product} supports SAML single sign-on for customers, and administrators can enforce it for all users.',
      'Shared accounts are not allowed; service accounts have an owner and are reviewed with user access.',
      'Break-glass accounts exist for emergencies, are sealed, and any use alerts the security team.'],
  },
  {
    id: 'network', caiq: 'IVS', tags: ['network security', 'firewall', 'segmentation', 'ddos', 'waf'],
    questions: ['How is the network around the {component} of {product} segmented?',
      'Is {product} protected against denial-of-service attacks?', 'Are firewall rules for {product} reviewed?',
      'Is traffic between the services of {product} encrypted?'],
    sentences: ['The {component} runs in a private subnet without public addresses, reachable only through the load balancer.',
      'A web application firewall and DDoS protection from {vendor} sit in front of every public endpoint of {product}.',
      'Firewall and security group rules are defined in code and reviewed {freq} by the {team}.',
      'Traffic between services is encrypted with mutual TLS, and production has no network path to staging.',
      'Outbound traffic from production is limited to an allow-list of destinations.',
      'Rate limits per tenant protect the login and upload endpoints of {product}.'],
  },
  {
    id: 'incidents', caiq: 'SEF', tags: ['incident response', 'breach', 'notification', 'on-call', 'post-mortem'],
    questions: ['How would {product} customers be informed of a security incident?',
      'Is there an incident response plan for the {component} of {product}?',
      'Has {product} had a security breach in the last three years?', 'Who leads incident response for {product}?'],
    sentences: ['Customers affected by an incident involving their data are notified within {hours} hours of its confirmation.',
      'The incident response plan covers the {component}, with severity levels and a named incident commander.',
      'No incident affecting customer data of {product} has occurred in the period asked about.',
      'The {team} runs incident response for {product}, with an on-call rotation around the clock.',
      'Every incident ends with a written post-mortem and tracked follow-up actions.',
      'Incident response exercises for {product} take place {freq}.'],
  },
  {
    id: 'change', caiq: 'CCC', tags: ['change management', 'deployment', 'rollback', 'maintenance window', 'configuration'],
    questions: ['How are changes to the {component} of {product} approved?',
      'Are {product} customers told about maintenance in advance?', 'Can a faulty {product} release be rolled back?',
      'How is configuration drift detected for {product}?'],
    sentences: ['Every change to the {component} goes through a pull request, automated tests and an approval.',
      'Planned maintenance of {product} is announced at least {days} days ahead on the status page.',
      'Releases are rolled out gradually and can be rolled back within minutes.',
      'Infrastructure is described in code, and a job compares it with the live configuration {freq}.',
      'Emergency changes are allowed for incidents but are reviewed after the fact by the {team}.',
      'Database schema changes are backwards compatible so that a rollback never loses data.'],
  },
  {
    id: 'assets', caiq: 'DCS', tags: ['asset inventory', 'asset management', 'data classification', 'disposal', 'cmdb'],
    questions: ['Is there an inventory of the assets supporting {product}?', 'How is data classified in {product}?',
      'How are old disks and laptops from the {site} office disposed of?', 'Who owns the {component} of {product}?'],
    sentences: ['Cloud resources of {product} are inventoried automatically and tagged with an owner and a data class.',
      'Data in the {component} is classified as confidential, with handling rules for export and sharing.',
      'Laptops from the {site} office are wiped and disposed of by a certified provider, with certificates of destruction.',
      'The {component} is owned by the {team}, which approves access and reviews its risks.',
      'The inventory is reconciled against the cloud accounts {freq}.',
      'Removable media are blocked on company laptops.'],
  },
  {
    id: 'endpoints', caiq: 'UEM', tags: ['endpoint', 'laptop', 'mdm', 'edr', 'byod'],
    questions: ['Are laptops used to develop {product} encrypted and managed?', 'Can staff use personal devices to work on {product}?',
      'Is endpoint detection and response deployed in the {site} office?', 'How are company phones secured?'],
    sentences: ['Laptops are enrolled in device management, with full-disk encryption, automatic updates and a screen lock.',
      'Personal devices can reach email and chat only, never the {component} or customer data.',
      'Endpoint detection and response from {vendor} runs on every laptop and alerts the {team}.',
      'Company phones require a passcode and can be wiped remotely if lost.',
      'Devices that fall out of compliance lose access to internal systems until they are fixed.',
      'Local administrator rights are removed by default and granted for a limited time on request.'],
  },
  {
    id: 'integrations', caiq: 'AIS', tags: ['api', 'integration', 'webhook', 'oauth', 'token'],
    questions: ['How are API clients of {product} authenticated?', 'Are webhooks sent by the {component} signed?',
      'Can API tokens for {product} be limited in scope?', 'Does the {component} integrate with {vendor}?'],
    sentences: ['API clients of {product} use OAuth 2.0 client credentials with tokens that expire after {minutes} minutes.',
      'Webhooks from the {component} carry an HMAC signature that receivers can verify.',
      'Tokens can be limited to read-only scopes and to single entities, and every call is logged.',
      'The integration with {vendor} uses a dedicated service account with the smallest set of permissions.',
      'API input is validated against the published schema and rate-limited per client.',
      'Deprecated API versions are supported for {days} days after their successor is released.'],
  },
  {
    id: 'audits', caiq: 'A&A', tags: ['audit', 'certification', 'soc 2', 'iso 27001', 'compliance'],
    questions: ['Is {product} in scope of the SOC 2 report?', 'Does the ISO 27001 certificate cover the {site} office?',
      'Can we audit the {component} of {product}?', 'Which compliance frameworks apply to {product}?'],
    sentences: ['{product} joined the scope of the SOC 2 Type II examination this year; the next report will include it.',
      'The ISO 27001 certificate covers the {site} office, which develops and operates {product}.',
      'Customers can rely on the audit reports first; an on-site audit of the {component} can be agreed with {days} days\' notice.',
      '{product} follows the group\'s information security policies and is assessed against the same controls.',
      'Internal audits of {product} take place {freq}, and findings are tracked to closure.',
      'Reports and certificates are available to customers under a non-disclosure agreement.'],
  },
  {
    id: 'residency', caiq: 'DSP', tags: ['data residency', 'data location', 'hosting', 'region', 'transfer'],
    questions: ['Where is the {component} of {product} hosted?', 'Does data of {product} leave {country}?',
      'Can {product} customers choose their hosting region?', 'Which countries is {product} support provided from?'],
    sentences: ['The {component} is hosted by {vendor} in {country}, with backups in a second data centre in the same country.',
      'Customer content of {product} stays in that country; only operational metrics without customer content leave it.',
      'Customers of {product} choose a hosting region when the account is created.',
      'Support for {product} is provided from the {site} office; support staff see customer data only with consent.',
      'Transfers outside the EEA rely on the Standard Contractual Clauses and a transfer impact assessment.',
      'Moving a {product} account to another region is possible on request within {days} days.'],
  },
  {
    id: 'ai', caiq: 'DSP', tags: ['ai', 'machine learning', 'llm', 'model training', 'automation'],
    questions: ['Does the {component} of {product} use machine learning?', 'Is customer data of {product} used to train models?',
      'Which AI providers does {product} send data to?', 'Can AI features of {product} be switched off?'],
    sentences: ['The {component} uses a machine-learning model to suggest field values, trained on synthetic documents.',
      'Customer data of {product} is not used to train models shared between customers.',
      'AI features of {product} call {vendor}, which processes prompts in {country} and deletes them within {days} days.',
      'Administrators can switch AI features off for the whole account.',
      'Suggestions are always shown for confirmation; {product} does not make automated decisions with legal effect.',
      'Prompts and outputs are logged for {days} days to investigate errors and abuse.'],
  },
  {
    id: 'vulnerabilities', caiq: 'TVM', tags: ['vulnerability', 'patching', 'scanning', 'penetration test', 'cve'],
    questions: ['How quickly are vulnerabilities in the {component} of {product} fixed?',
      'Is {product} included in the annual penetration test?', 'How are servers running {product} patched?',
      'Can we see the results of the last security assessment of {product}?'],
    sentences: ['Critical vulnerabilities in the {component} are fixed within {hours} hours, high ones within two weeks.',
      '{product} was tested by {vendor} this year; the findings were fixed and retested.',
      'Base images are rebuilt {freq} with the latest patches, and running hosts are replaced rather than patched.',
      'A summary of the last assessment of {product} is shared under a non-disclosure agreement.',
      'Container images are scanned before deployment and again every day while they run.',
      'Overdue findings are reported to the CISO and the {team} every week.'],
  },
];

/**
 * Other phrasings of each topic's questions (`asked_as`), parallel to `questions`: the way
 * CAIQ, SIG, HECVAT and buyers' spreadsheets word the same thing. Each generated answer gets two
 * or three of its question's, so that the timing bench matches against phrasing documents as the
 * real library has them (about 2.5 per answer).
 */
const ASKED_AS = {
  backups: [
    ['How frequently is {product} data backed up?', 'What is the backup retention period for the {component}?', 'Are backups of the {component} performed daily?'],
    ['Are {product} backup restores tested regularly?', 'When was a restore from backup last tested for {product}?', 'Is backup recoverability of the {component} verified?'],
    ['Are {product} backups kept in a separate location?', 'Is backup data of {product} encrypted at rest?', 'Are copies of {product} backups held off-site?'],
    ['Can individual {product} records be recovered from backup?', 'Is granular restore supported for {product}?', 'Can a single tenant of {product} be restored?'],
  ],
  logging: [
    ['What security events are logged by the {component}?', 'How long are {product} audit logs retained?', 'Does the {component} keep an audit trail?'],
    ['Are {product} logs monitored centrally?', 'Is security monitoring in place for {product}?', 'Are {product} log events correlated and alerted on?'],
    ['Are {product} logs protected from modification?', 'Who can delete logs of the {component}?', 'Is log integrity ensured for {product}?'],
    ['Can customers access the audit log of {product}?', 'Is an activity log export available in {product}?', 'Can {product} audit events be streamed to our SIEM?'],
  ],
  hr: [
    ['Are background checks performed on {product} contractors?', 'Is pre-employment screening applied to contractors of {product}?', 'Are third-party staff of {product} vetted?'],
    ['How quickly is access removed when {product} staff leave?', 'Is there an offboarding process for {product} employees?', 'Are leaver accounts of {product} disabled on the last day?'],
    ['Is security awareness training mandatory for {site} staff?', 'How often do {site} employees receive security training?', 'Do new hires in {site} complete security training?'],
    ['Is there a code of conduct for {product} personnel?', 'Is a disciplinary process in place for {product} staff?', 'Do {product} employees sign a code of conduct?'],
  ],
  vendors: [
    ['Was due diligence performed on {vendor}?', 'Is {vendor} covered by your vendor risk assessment?', 'How is the security of {vendor} evaluated?'],
    ['Which subcontractors support the {component} of {product}?', 'Are fourth parties involved in the {component}?', 'Does the {component} depend on other suppliers?'],
    ['How often are {product} vendors reassessed?', 'Are critical vendors of {product} reviewed annually?', 'Is supplier performance for {product} monitored?'],
    ['Is {vendor} listed as a subprocessor of {product}?', 'Where does {vendor} store {product} data?', 'Does {vendor} process personal data for {product}?'],
  ],
  physical: [
    ['Is badge access used at the {site} office?', 'What physical security controls protect the {site} office?', 'Who can enter the server room in {site}?'],
    ['Is {product} hosted entirely in the cloud?', 'Does {product} run any on-premises servers?', 'Are there servers for {product} in company offices?'],
    ['Are visitors to {site} signed in and accompanied?', 'What is the visitor policy for the {site} office?', 'Do guests at the {site} office wear badges?'],
    ['Does the {site} office have video surveillance?', 'How long is CCTV footage from {site} kept?', 'Are the entrances of the {site} office monitored by camera?'],
  ],
  sdlc: [
    ['Is a secure development lifecycle followed for the {component}?', 'Are threat models made for {product} features?', 'Is security part of the design of {product}?'],
    ['Are {product} changes tested before release?', 'Is there a release approval process for {product}?', 'Is code review required for {product} releases?'],
    ['Is SAST used in the {product} pipeline?', 'Is DAST performed on {product}?', 'Are {product} dependencies scanned for vulnerabilities?'],
    ['Who is allowed to push to production for the {component}?', 'Can developers deploy the {component} directly?', 'Are production deployments of the {component} restricted?'],
  ],
  keys: [
    ['Where are the {component} encryption keys kept?', 'Is an HSM or KMS used for {product} keys?', 'How are cryptographic keys for {product} managed?'],
    ['How often are {product} encryption keys rotated?', 'Is there a key rotation policy for {product}?', 'Are data keys of the {component} rotated?'],
    ['What cipher suites does {product} use?', 'Is AES-256 used to encrypt {product} data?', 'Which TLS versions does {product} accept?'],
    ['Does {product} support BYOK?', 'Are customer-managed keys available for {product}?', 'Can we hold the encryption keys for our {product} data?'],
  ],
  dr: [
    ['What are the RTO and RPO of the {component}?', 'How quickly can the {component} be recovered?', 'How much data could {product} lose in a disaster?'],
    ['How often is the {product} DR plan tested?', 'When was the {product} disaster recovery plan last exercised?', 'Are failover tests of {product} performed?'],
    ['Can {product} fail over to another region?', 'Is there a standby region for {product}?', 'What happens to {product} during a regional outage in {country}?'],
    ['Does a BCP cover the {site} office?', 'Is business continuity planned for the loss of the {site} office?', 'Is there a continuity plan for key staff in {site}?'],
  ],
  privacy: [
    ['What categories of personal data does the {component} hold?', 'Which PII does {product} store?', 'What personal information is collected by the {component}?'],
    ['How are DSARs for {product} handled?', 'How quickly are data subject requests for {product} answered?', 'Can {product} delete personal data on request?'],
    ['Does {product} pseudonymise personal data?', 'Is data minimisation applied in {product}?', 'Are IP addresses in {product} anonymised?'],
    ['Is {product} used for special category data?', 'Does {product} process children\'s data?', 'Is sensitive personal data processed by {product}?'],
  ],
  access: [
    ['Who are the administrators of the {component}?', 'How is privileged access to the {component} controlled?', 'Is admin access to the {component} granted just in time?'],
    ['Is MFA enforced for staff access to {product}?', 'Do {product} employees use two-factor authentication?', 'Are hardware keys required for staff sign-in to {product}?'],
    ['Are user access reviews of the {component} performed?', 'How often are {component} entitlements recertified?', 'Are dormant accounts of the {component} disabled?'],
    ['Does {product} support SAML SSO?', 'Can {product} users sign in with our identity provider?', 'Can SSO be enforced for all {product} users?'],
  ],
  network: [
    ['Is the {component} in a segmented network?', 'Is the {component} isolated from other networks?', 'Does the {component} have a public IP address?'],
    ['Does {product} have DDoS protection?', 'Is a WAF in front of {product}?', 'How is {product} protected against volumetric attacks?'],
    ['How often are {product} firewall rules reviewed?', 'Are security group changes for {product} approved?', 'Are {product} network rules kept in code?'],
    ['Is internal {product} traffic encrypted with mTLS?', 'Are connections between {product} services encrypted?', 'Is east-west traffic of {product} protected?'],
  ],
  incidents: [
    ['How are {product} customers notified of a breach?', 'Within what time are customers told about a {product} security incident?', 'Will you inform us of incidents affecting our {product} data?'],
    ['Does the {component} have an incident response plan?', 'Is there an IR plan covering {product}?', 'Are incident severity levels defined for {product}?'],
    ['Has {product} suffered a data breach?', 'Have there been security incidents involving {product} in the past three years?', 'Was {product} customer data ever compromised?'],
    ['Who is the incident commander for {product}?', 'Is there 24/7 on-call for {product} incidents?', 'Which team handles {product} security incidents?'],
  ],
  change: [
    ['Is there a change management process for the {component}?', 'Do changes to the {component} require approval?', 'Are {component} changes reviewed before deployment?'],
    ['Is planned maintenance of {product} announced?', 'How far in advance are {product} maintenance windows communicated?', 'Are customers notified before {product} downtime?'],
    ['Can {product} deployments be reverted?', 'Is there a rollback plan for {product} releases?', 'How are failed {product} releases handled?'],
    ['Is {product} infrastructure managed as code?', 'Are configuration baselines of {product} enforced?', 'How are unauthorised {product} configuration changes found?'],
  ],
  assets: [
    ['Is there an asset register for {product}?', 'Are {product} cloud resources inventoried?', 'Does {product} have a CMDB?'],
    ['Is there a data classification scheme for {product}?', 'What classification does {product} data carry?', 'Are handling rules defined for {product} data?'],
    ['How is equipment from {site} disposed of?', 'Are disks from the {site} office securely wiped?', 'Are certificates of destruction kept for {site} hardware?'],
    ['Who is the owner of the {component}?', 'Does each {product} asset have an owner?', 'Which team is accountable for the {component}?'],
  ],
  endpoints: [
    ['Do {product} developer laptops have full-disk encryption?', 'Are {product} workstations managed with MDM?', 'Are engineering laptops for {product} centrally managed?'],
    ['Is BYOD allowed for {product} work?', 'Can personal devices access {product} systems?', 'Is there a policy on personal devices for {product} staff?'],
    ['Is EDR installed on {site} laptops?', 'Is anti-malware deployed in the {site} office?', 'Are {site} endpoints monitored for threats?'],
    ['Are mobile phones managed by MDM?', 'Can company phones be wiped remotely?', 'Are company mobile devices protected with a passcode?'],
  ],
  integrations: [
    ['How does the {product} API authenticate clients?', 'Does the {product} API use OAuth 2.0?', 'How are {product} API credentials issued?'],
    ['Can webhooks from the {component} be verified?', 'Are {component} webhooks HMAC-signed?', 'How do receivers authenticate {component} webhooks?'],
    ['Are {product} API tokens scoped?', 'Can {product} API keys be read-only?', 'Do {product} API tokens expire?'],
    ['How does the {component} connect to {vendor}?', 'Is there an integration between the {component} and {vendor}?', 'What access does {vendor} have to the {component}?'],
  ],
  audits: [
    ['Does the SOC 2 report cover {product}?', 'Is {product} included in your SOC 2 Type II audit?', 'Which SOC 2 scope applies to {product}?'],
    ['Is the {site} office within the ISO 27001 scope?', 'Does the ISMS cover the {site} office?', 'Is {site} certified to ISO/IEC 27001?'],
    ['Do you allow customer audits of the {component}?', 'Can we perform an on-site audit of {product}?', 'Is a right to audit the {component} granted?'],
    ['What compliance certifications does {product} have?', 'Which standards is {product} assessed against?', 'Which regulations does {product} comply with?'],
  ],
  residency: [
    ['In which country is the {component} hosted?', 'Who hosts the {component} of {product}?', 'Which data centre runs the {component}?'],
    ['Is {product} data transferred outside {country}?', 'Does {product} data stay in {country}?', 'Are there cross-border transfers of {product} data?'],
    ['Can we select a data region for {product}?', 'Is data residency configurable in {product}?', 'Which hosting regions does {product} offer?'],
    ['Where is {product} support located?', 'From which countries is {product} supported?', 'Can {product} support staff outside the EU see our data?'],
  ],
  ai: [
    ['Is machine learning used in the {component}?', 'Does the {component} use AI models?', 'Which AI capabilities does the {component} have?'],
    ['Is {product} customer data used for model training?', 'Do you train AI models on our {product} data?', 'Is our {product} data used to improve shared models?'],
    ['Does {product} send data to an LLM provider?', 'Which third-party AI services does {product} use?', 'Is {product} data shared with external model providers?'],
    ['Can we disable AI features in {product}?', 'Is there an opt-out for {product} AI features?', 'Can administrators turn off {product} AI?'],
  ],
  vulnerabilities: [
    ['What are the remediation timelines for {component} vulnerabilities?', 'How fast are critical {product} vulnerabilities fixed?', 'Are {component} vulnerabilities patched within an SLA?'],
    ['Is {product} penetration tested annually?', 'Was {product} in scope of the last pen test?', 'Does an independent firm pentest {product}?'],
    ['How often are {product} servers patched?', 'What is the patch management process for {product}?', 'Are {product} hosts kept up to date with security patches?'],
    ['Can we get the {product} pentest summary?', 'Will you share the latest {product} security assessment results?', 'Is the {product} penetration test report available?'],
  ],
};

const OPENERS = { yes: ['Yes.', 'Yes, we do.'], partial: ['Partly.', 'In part.'] };

/** Two or three of a question's other phrasings for the `n`-th answer, in a stable order. */
function phrasings(list, n) {
  const rand = prng(SEED ^ Math.imul(n + 1, 0x9e3779b1));
  const a = [...list];
  for (let i = a.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, rand() < 0.5 ? 2 : 3);
}

/** The generated answers for one content directory, `count` of them, in a stable order. */
export function generateAnswers(count) {
  const rand = prng(SEED);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  // k distinct items in random order (a partial Fisher-Yates shuffle).
  const sample = (list, k) => {
    const a = [...list];
    for (let i = 0; i < k; i += 1) {
      const j = i + Math.floor(rand() * (a.length - i));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, k);
  };
  const files = [];
  for (let n = 0; n < count; n += 1) {
    if (n % PER_FILE === 0) {
      // Product lines repeat only after every codename/line pair has been used.
      const f = files.length;
      const product = `${CODENAMES[f % CODENAMES.length]} ${LINES[Math.floor(f / CODENAMES.length) % LINES.length]}`;
      files.push({ product, answers: [] });
    }
    const file = files[files.length - 1];
    const topic = TOPICS[Math.floor(rand() * TOPICS.length)];
    const slots = {
      product: file.product,
      component: rand() < 0.5 ? pick(COMPONENTS) : `${pick(CODENAMES)} ${pick(COMPONENTS)}`,
      vendor: `${pick(VENDOR_A)} ${pick(VENDOR_B)}`,
      site: pick(SITES), country: pick(COUNTRIES), freq: pick(FREQ), days: pick(DAYS), hours: pick(HOURS), minutes: pick(MINUTES), team: pick(TEAMS),
    };
    const fill = (t) => t.replace(/\{(\w+)\}/g, (_, k) => slots[k]);
    // "no" would contradict the sentences, which all describe something in place.
    const short = rand() < 0.85 ? 'yes' : 'partial';
    // The i-th sentence answers the i-th question; the others add the detail a reviewer skims past.
    const q = Math.floor(rand() * topic.questions.length);
    const others = sample(topic.sentences.filter((_, i) => i !== q), 1 + Math.floor(rand() * 3));
    const sentences = [topic.sentences[q], ...others];
    const tags = sample(topic.tags, 2 + Math.floor(rand() * 2));
    // Phrasings draw from their own generator, seeded per answer, so that adding them left every
    // other generated field (and the distractors the search bench was measured on) as it was.
    const askedAs = phrasings(ASKED_AS[topic.id][q], n).map(fill);
    const month = 3 + Math.floor(rand() * 8); // March to October 2026: reviewed within the year, never in the future
    const day = 1 + Math.floor(rand() * 28);
    file.answers.push({
      id: `${slug(file.product)}-${topic.id}-${String(n + 1).padStart(5, '0')}`,
      question: fill(topic.questions[q]),
      asked_as: askedAs,
      short,
      answer: [pick(OPENERS[short]), ...sentences.map(fill)].join(' '),
      tags,
      reviewed: new TomlDate(`2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`),
      mappings: { caiq: [`${topic.caiq}-${String(1 + Math.floor(rand() * 15)).padStart(2, '0')}.1`] },
    });
  }
  return files;
}

/** How many answers the content directory's answer files hold. */
export function countAnswers(dir) {
  const answers = join(dir, 'answers');
  return readdirSync(answers).filter((f) => f.endsWith('.toml'))
    .reduce((sum, f) => sum + (parse(readFileSync(join(answers, f), 'utf8')).answer?.length ?? 0), 0);
}

/** Writes the example content plus generated answers, `total` answers in all, to `outdir`. */
export function scaleContent(total, outdir) {
  if (existsSync(outdir)) rmSync(outdir, { recursive: true });
  mkdirSync(dirname(outdir), { recursive: true });
  cpSync(EXAMPLE_CONTENT, outdir, { recursive: true });
  const extra = total - countAnswers(outdir);
  if (extra < 0) throw new Error(`the example content already has more than ${total} answers`);
  generateAnswers(extra).forEach((file, i) => {
    const text = stringify({ category: `${file.product} questionnaire library`, answer: file.answers });
    // Parsing back catches any escaping mistake here rather than as a build error later.
    if (parse(text).answer.length !== file.answers.length) throw new Error('generated TOML does not round-trip');
    writeFileSync(join(outdir, 'answers', `zz-scaled-${String(i + 1).padStart(3, '0')}.toml`), text);
  });
  const written = countAnswers(outdir);
  if (written !== total) throw new Error(`wrote ${written} answers, wanted ${total}`);
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [total, outdir] = [Number(process.argv[2]), process.argv[3]];
  if (!Number.isInteger(total) || total <= 0 || !outdir) {
    console.error('usage: node scale.mjs <answers> <outdir>');
    process.exit(2);
  }
  console.log(`${scaleContent(total, resolve(outdir))} answers in ${resolve(outdir)}`);
}
