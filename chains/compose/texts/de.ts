import type { FixedTextKey } from './en.ts';

const OFFER_HUMAN = 'Wenn Sie möchten, verbinde ich Sie mit jemandem aus unserem Beratungsteam.';
const PHONE = '0800 123 4567';

/** The fixed sentences in German, formal address ("Sie"). */
export const GERMAN_TEXTS: Readonly<Record<FixedTextKey, string>> = {
  not_authorised: `Das kann ich Ihnen leider nicht mitteilen. ${OFFER_HUMAN}`,
  out_of_scope:
    'Dabei kann ich Ihnen hier leider nicht helfen. Ich beantworte Fragen zu unseren Karten, Zahlungen, ' +
    'Überweisungen, Gebühren, Ihren eigenen Ausgaben und zum Umgang mit Geld und schlage Ihnen Produkte vor, ' +
    `die zu Ihrem Profil passen. ${OFFER_HUMAN}`,
  human_handoff:
    'Gern. Ich habe dieses Gespräch für jemanden aus unserem Beratungsteam markiert, der es hier so bald wie ' +
    `möglich übernimmt. Sie können uns auch jederzeit unter ${PHONE} anrufen.`,
  human_handoff_offer: OFFER_HUMAN,
  complaint_acknowledgement:
    'Es tut mir leid, dass Sie diese Erfahrung gemacht haben. Ich habe Ihre Beschwerde aufgenommen und dieses ' +
    'Gespräch für unser Team markiert; jemand wird sich bei Ihnen melden. Wenn Sie sofort mit jemandem sprechen ' +
    `möchten, rufen Sie uns unter ${PHONE} an.`,
  clarifying_question: 'Damit ich Ihnen richtig helfe: Geht es um {options}?',
  urgent_steps_preface: 'Bitte handeln Sie sofort:',
  urgent_steps:
    '1. Frieren Sie Ihre Karte jetzt in der App ein (Karten → Karte einfrieren); Sie können sie später wieder freigeben.\n' +
    `2. Rufen Sie unsere 24/7-Hotline unter ${PHONE} an (aus dem Ausland +44 20 7946 0000), um die Karte sperren ` +
    'zu lassen und den Vorfall zu melden.\n' +
    '3. Geben Sie Ihre PIN, Passwörter oder Einmalcodes niemals weiter, auch nicht an jemanden, der behauptet, ' +
    'von der Bank zu sein.\n' +
    'Ich habe dieses Gespräch für jemanden aus unserem Team markiert.',
  manipulation_refusal:
    'Das kann ich nicht tun. Ich gebe Hinweise ausschließlich auf Grundlage der Informationen unserer Bank und ' +
    `kann weder meine Arbeitsweise ändern noch Anträge genehmigen oder Geld bewegen. ${OFFER_HUMAN}`,
  service_unavailable: `Entschuldigung, darauf kann ich Ihnen gerade keine verlässliche Antwort geben. ${OFFER_HUMAN}`,
  risk_disclosure:
    'Bitte beachten Sie, dass der Wert von Geldanlagen sowohl steigen als auch fallen kann und Sie möglicherweise ' +
    'weniger zurückerhalten, als Sie angelegt haben.',
  small_talk_greeting:
    'Hallo! Ich bin der digitale Assistent der Bank. Ich helfe Ihnen bei Fragen zu Karten, Zahlungen, ' +
    'Überweisungen, Gebühren, Ihren eigenen Ausgaben und zum Sparen und schlage Ihnen Produkte vor, die zu Ihrem ' +
    'Profil passen. Wobei kann ich Ihnen helfen?',
  small_talk_thanks: 'Gern geschehen! Kann ich sonst noch etwas für Sie tun?',
  small_talk_goodbye: 'Auf Wiedersehen und danke für das Gespräch. Ich bin jederzeit für Sie da.',
  english_only_notice: 'Ich antworte vorerst auf Englisch.',
  no_article: `Für Fragen rund um {topic} habe ich leider noch keinen Ratgeber. ${OFFER_HUMAN}`,
  no_guidance_found: `Entschuldigung, dazu habe ich keine Informationen gefunden. ${OFFER_HUMAN}`,
  own_data_unavailable:
    'Das kann ich aus Ihren Daten noch nicht berechnen. Ich kann Ihnen unsere Ratgeber zu Budgetplanung und ' +
    `Sparen erklären oder Produkte vorschlagen, die zu Ihrem Profil passen. ${OFFER_HUMAN}`,
  guide_introduction: 'Das steht in unserem Ratgeber „{title}“:',
  guide_closing:
    'Falls das Ihre Frage nicht beantwortet, verbinde ich Sie gern mit jemandem aus unserem Beratungsteam.',
  recommendation_introduction: 'Auf Grundlage Ihres Profils passen diese Produkte am besten:',
  recommendation_none:
    'Ich habe in unserem Angebot derzeit kein Produkt gefunden, das zu Ihrem Profil passt, deshalb schlage ich ' +
    'keines vor. Jemand aus unserem Beratungsteam kann sich Ihre gesamte Situation ansehen.',
  recommendation_more_detail: `Möchten Sie zu einem dieser Produkte mehr erfahren? ${OFFER_HUMAN}`,
  which_customer:
    'Um welchen Kunden geht es? Senden Sie bitte die Kundennummer (zum Beispiel C-000042), dann stelle ich die ' +
    'passenden Produkte zusammen.',
  one_customer_at_a_time:
    'Sie haben {customers} genannt. Um welchen Kunden geht es? Ich beantworte Fragen immer nur zu einem Kunden.',
  message_too_long: 'Diese Nachricht ist zu lang: Sie hat {length} Zeichen, erlaubt sind {limit}.',
};
