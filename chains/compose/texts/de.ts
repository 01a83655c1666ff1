import type { FixedTextKey } from './en.ts';

const OFFER_HUMAN = 'Wenn Sie möchten, verbinde ich Sie mit jemandem aus unserem Beratungsteam.';
const PHONE = '0800 123 4567';

/** The fixed sentences in German for the customer, formal address ("Sie"). */
export const GERMAN_CUSTOMER_TEXTS: Readonly<Record<FixedTextKey, string>> = {
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
    'Ich kann Ihre Kundendaten gerade nicht finden und Ihnen deshalb keine Produkte vorschlagen. ' +
    OFFER_HUMAN,
  one_customer_at_a_time:
    'Sie haben {customers} genannt. Ich kann nur Fragen zu Ihren eigenen Konten beantworten.',
  message_too_long: 'Diese Nachricht ist zu lang: Sie hat {length} Zeichen, erlaubt sind {limit}.',
  rate_expected_return: 'Erwartete Rendite rund {rate}% pro Jahr, nicht garantiert.',
  rate_monthly_premium: 'Beiträge ab {premium} im Monat.',
  rate_aer: '{rate}% Zinsen pro Jahr.',
  rate_apr: '{rate}% effektiver Jahreszins.',
  article_in_english: 'Diesen Ratgeber gibt es bisher nur auf Englisch.',
};

const ADVISOR_FOLLOW_UP = 'Wenn der Kunde{id} mehr braucht, vereinbaren Sie einen Beratungstermin mit ihm.';

/**
 * The same sentences for an advisor asking about a customer, formal address ("Sie") for the advisor: the customer
 * in the third person ("des Kunden C-000042", or "des Kunden" when none was named) and the advisor's own steps.
 */
export const GERMAN_ADVISOR_TEXTS: Readonly<Record<FixedTextKey, string>> = {
  not_authorised:
    'Das kann ich leider nicht mitteilen. Wenn Sie es für Ihre Arbeit brauchen, lassen Sie Ihre Berechtigungen ' +
    'von einem Admin prüfen.',
  out_of_scope:
    'Das liegt außerhalb dessen, was ich beantworten kann. Ich beantworte Fragen zu unseren Karten, Zahlungen, ' +
    'Überweisungen, Gebühren und zum Umgang mit Geld, erkläre die Ausgaben des Kunden{id} und schlage Produkte ' +
    'vor, die zu seinem Profil passen; für alles andere kann der Kunde an die zuständige Abteilung verwiesen werden.',
  human_handoff:
    'Gern. Ich habe dieses Gespräch für eine Kollegin oder einen Kollegen aus dem Beratungsteam markiert, die es ' +
    `hier so bald wie möglich übernehmen. Der Kunde{id} kann uns auch jederzeit unter ${PHONE} anrufen.`,
  human_handoff_offer: ADVISOR_FOLLOW_UP,
  complaint_acknowledgement:
    'Ich habe dies als Beschwerde aufgenommen und das Gespräch markiert. Leiten Sie die Beschwerde an das ' +
    'Beschwerdemanagement weiter, das sich beim Kunden{id} meldet; möchte er sofort mit jemandem sprechen, kann ' +
    `er uns unter ${PHONE} anrufen.`,
  clarifying_question: 'Damit ich Ihnen richtig helfe: Geht es um {options}?',
  urgent_steps_preface: 'Bitte handeln Sie für den Kunden{id} sofort:',
  urgent_steps:
    '1. Frieren Sie die Karte des Kunden{id} jetzt im Backoffice ein (Kunde → Karten → Karte einfrieren); sie ' +
    'kann später wieder freigegeben werden.\n' +
    '2. Rufen Sie den Kunden unter der hinterlegten Nummer an oder bitten Sie ihn, unsere 24/7-Hotline unter ' +
    `${PHONE} anzurufen (aus dem Ausland +44 20 7946 0000), um die Sperre zu bestätigen und den Vorfall zu melden.\n` +
    '3. Erinnern Sie den Kunden daran, seine PIN, Passwörter oder Einmalcodes niemals weiterzugeben, auch nicht ' +
    'an jemanden, der behauptet, von der Bank zu sein.\n' +
    'Ich habe dieses Gespräch für das Betrugsteam markiert.',
  manipulation_refusal:
    'Das kann ich nicht tun. Ich gebe Hinweise ausschließlich auf Grundlage der Informationen unserer Bank und ' +
    'kann weder meine Arbeitsweise ändern noch Anträge genehmigen oder Geld bewegen; Anträge und Zahlungen laufen ' +
    'über das Backoffice.',
  service_unavailable:
    'Entschuldigung, darauf kann ich gerade keine verlässliche Antwort geben. Sehen Sie sich die Daten des ' +
    'Kunden{id} im Backoffice an oder versuchen Sie es später noch einmal.',
  risk_disclosure:
    'Bitte beachten Sie, dass der Wert von Geldanlagen sowohl steigen als auch fallen kann und der Kunde{id} ' +
    'möglicherweise weniger zurückerhält, als er angelegt hat.',
  small_talk_greeting:
    'Hallo! Ich bin der digitale Assistent der Bank. Ich erkläre unsere Produkte und Ratgeber, beantworte Fragen ' +
    'zu Karten, Zahlungen, Überweisungen und Gebühren und stelle die Produkte zusammen, die zu einem Kunden aus ' +
    'Ihrem Bestand passen. Wobei kann ich Ihnen helfen?',
  small_talk_thanks: 'Gern geschehen! Kann ich sonst noch etwas für Sie tun?',
  small_talk_goodbye: 'Auf Wiedersehen und danke für das Gespräch. Ich bin jederzeit für Sie da.',
  english_only_notice: 'Ich antworte vorerst auf Englisch.',
  no_article: `Für Fragen rund um {topic} habe ich leider noch keinen Ratgeber. ${ADVISOR_FOLLOW_UP}`,
  no_guidance_found: `Entschuldigung, dazu habe ich keine Informationen gefunden. ${ADVISOR_FOLLOW_UP}`,
  own_data_unavailable:
    'Das kann ich aus den Daten des Kunden{id} noch nicht berechnen; die vollständigen Daten finden Sie im ' +
    'Backoffice. Ich kann unsere Ratgeber zu Budgetplanung und Sparen erklären oder Produkte vorschlagen, die zu ' +
    'seinem Profil passen.',
  guide_introduction: 'Das steht in unserem Ratgeber „{title}“:',
  guide_closing: ADVISOR_FOLLOW_UP,
  recommendation_introduction: 'Auf Grundlage des Profils des Kunden{id} passen diese Produkte am besten:',
  recommendation_none:
    'Ich habe in unserem Angebot derzeit kein Produkt gefunden, das zum Profil des Kunden{id} passt, deshalb ' +
    'schlage ich keines vor. Vereinbaren Sie einen Beratungstermin, um sich die gesamte Situation anzusehen.',
  recommendation_more_detail:
    'Die Reihenfolge richtet sich zuerst nach der Eignung; die Gründe auf jeder Produktkarte sind die Fakten, ' +
    'die dafür den Ausschlag gaben. Bieten Sie dem Kunden{id} an, was davon passt, oder vereinbaren Sie einen Beratungstermin, um alles in Ruhe ' +
    'durchzugehen.',
  which_customer:
    'Um welchen Kunden geht es? Senden Sie bitte die Kundennummer (zum Beispiel C-000042), dann stelle ich die ' +
    'passenden Produkte zusammen.',
  one_customer_at_a_time:
    'Sie haben {customers} genannt. Um welchen Kunden geht es? Ich beantworte Fragen immer nur zu einem Kunden.',
  message_too_long: 'Diese Nachricht ist zu lang: Sie hat {length} Zeichen, erlaubt sind {limit}.',
  rate_expected_return: 'Erwartete Rendite rund {rate}% pro Jahr, nicht garantiert.',
  rate_monthly_premium: 'Beiträge ab {premium} im Monat.',
  rate_aer: '{rate}% Zinsen pro Jahr.',
  rate_apr: '{rate}% effektiver Jahreszins.',
  article_in_english: 'Diesen Ratgeber gibt es bisher nur auf Englisch.',
};
