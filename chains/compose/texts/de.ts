import type { FixedTextKey } from './en.ts';

/** The fixed sentences in German, formal address ("Sie"). */
export const GERMAN_TEXTS: Readonly<Record<FixedTextKey, string>> = {
  not_authorised: 'Entschuldigung, ich kann Ihnen nur zu Ihren eigenen Konten Auskunft geben.',
  out_of_scope:
    'Dabei kann ich Ihnen hier leider nicht helfen. Ich beantworte gern Fragen zu unseren Produkten, Karten, ' +
    'Zahlungen, Gebühren und zum Umgang mit Geld. Wenn Sie möchten, verbinde ich Sie mit jemandem aus unserem Beratungsteam.',
  human_handoff:
    'Gern. Ich gebe Ihr Anliegen an unser Beratungsteam weiter; jemand meldet sich so bald wie möglich bei Ihnen.',
  human_handoff_offer: 'Wenn Sie möchten, verbinde ich Sie mit jemandem aus unserem Beratungsteam.',
  complaint_acknowledgement:
    'Das tut mir leid, und danke, dass Sie uns Bescheid geben. Ich habe Ihre Beschwerde an unser Team weitergeleitet; ' +
    'jemand aus unserem Beratungsteam wird sich bei Ihnen melden.',
  clarifying_question: 'Geht es um {a}, {b} oder {c}?',
  clarifying_question_two: 'Geht es um {a} oder {b}?',
  urgent_steps_preface: 'Das ist dringend. Bitte tun Sie zuerst Folgendes:',
  urgent_flagged:
    'Ich habe dieses Gespräch außerdem markiert, damit sich jemand aus unserem Team darum kümmert.',
  manipulation_refusal:
    'Das kann ich nicht tun. Ich gebe Hinweise ausschließlich auf Grundlage der Informationen unserer Bank und kann ' +
    'weder meine Arbeitsweise ändern noch Anträge genehmigen oder Geld bewegen. Bei Fragen zu einem Antrag oder ' +
    'einer Zahlung hilft Ihnen unser Team gern. Wenn Sie möchten, verbinde ich Sie mit jemandem aus unserem Beratungsteam.',
  service_unavailable:
    'Der Assistent ist gerade nicht erreichbar. Bitte versuchen Sie es in ein paar Minuten noch einmal.',
  safe_fallback:
    'Entschuldigung, darauf kann ich Ihnen gerade keine verlässliche Antwort geben. ' +
    'Wenn Sie möchten, verbinde ich Sie mit jemandem aus unserem Beratungsteam.',
  no_guidance_found:
    'Entschuldigung, dazu habe ich keine Informationen gefunden. ' +
    'Wenn Sie möchten, verbinde ich Sie mit jemandem aus unserem Beratungsteam.',
  risk_disclosure:
    'Bitte beachten Sie, dass der Wert von Geldanlagen sowohl steigen als auch fallen kann und Sie möglicherweise ' +
    'weniger zurückerhalten, als Sie angelegt haben.',
  small_talk_greeting:
    'Hallo! Ich bin der digitale Assistent der Bank. Ich erkläre Ihnen unsere Produkte, schlage Ihnen passende ' +
    'Produkte für Ihr Profil vor und beantworte Fragen zu Karten, Zahlungen, Gebühren und zum Sparen. ' +
    'Wobei kann ich Ihnen helfen?',
  small_talk_thanks: 'Gern geschehen! Kann ich sonst noch etwas für Sie tun?',
  small_talk_goodbye: 'Auf Wiedersehen und danke für das Gespräch. Ich bin jederzeit für Sie da.',
  guide_introduction: 'Das steht in unserem Ratgeber „{title}“:',
  guide_closing:
    'Falls das Ihre Frage nicht beantwortet, verbinde ich Sie gern mit jemandem aus unserem Beratungsteam.',
  recommendation_introduction: 'Auf Grundlage Ihres Profils passen diese Produkte am besten:',
  recommendation_none:
    'Ich habe in unserem Angebot derzeit kein Produkt gefunden, das zu Ihrem Profil passt, deshalb schlage ich ' +
    'keines vor. Jemand aus unserem Beratungsteam kann sich Ihre gesamte Situation ansehen.',
  recommendation_more_detail:
    'Möchten Sie zu einem dieser Produkte mehr erfahren? ' +
    'Wenn Sie möchten, verbinde ich Sie mit jemandem aus unserem Beratungsteam.',
  which_customer:
    'Um welchen Kunden geht es? Senden Sie bitte die Kundennummer (zum Beispiel C-000042), dann stelle ich die ' +
    'passenden Produkte zusammen.',
  one_customer_at_a_time:
    'Sie haben {customers} genannt. Um welchen Kunden geht es? Ich beantworte Fragen immer nur zu einem Kunden.',
  message_too_long: 'Diese Nachricht ist zu lang: Sie hat {length} Zeichen, erlaubt sind {limit}.',
  english_only_notice: 'Ich antworte vorerst nur auf Englisch.',
};
