/**
 * Held-out sentences for the audience-voice check, written before its German and Spanish cues and not looked at
 * while tuning them. `wrong` must be rejected for the reader, `right` must pass; the test reports the rates.
 */
export interface HeldOutVoice {
  language: 'en' | 'de' | 'es';
  audience: 'customer' | 'advisor';
  wrong: string[];
  right: string[];
}

export const HELD_OUT_VOICE: HeldOutVoice[] = [
  {
    language: 'de',
    audience: 'advisor',
    wrong: [
      'Sie haben 12.300 € auf dem Tagesgeldkonto und einen Anlagehorizont von zehn Jahren.',
      'Ihre Ersparnisse reichen für etwa vier Monate.',
      'Mit Ihrem Einkommen von 4.200 € im Monat passt ein ETF-Sparplan gut.',
      'Ihr Girokonto ist seit März im Minus.',
      'Da Ihre monatlichen Ausgaben gestiegen sind, lohnt sich ein Haushaltsbuch.',
      'Frieren Sie Ihre Karte in der App ein.',
      'Sie geben rund 600 € im Monat für Restaurants aus.',
      'Auf Grundlage Ihres Profils passen diese Produkte am besten.',
      'Ihre Kreditkartenschulden liegen bei 3.100 €.',
      'Ihr Vermögen ist breit gestreut.',
    ],
    right: [
      'C-000042 hat 12.300 € auf dem Tagesgeldkonto und einen Anlagehorizont von zehn Jahren.',
      'Die Ersparnisse des Kunden reichen für etwa vier Monate.',
      'Kundin C-000017 gibt rund 600 € im Monat für Restaurants aus; sprechen Sie sie auf ein Haushaltsbuch an.',
      'Frieren Sie die Karte des Kunden im Backoffice ein und rufen Sie ihn an.',
      'Sie können dem Kunden einen Beratungstermin anbieten.',
      'Der Kunde C-000042 hat Schulden von 3.100 €. Ihre Höhe spricht für einen Tilgungsplan.',
      'Wenn Sie Fragen zu Ihrem Bestand haben, wenden Sie sich an Ihre Teamleitung.',
      'Leiten Sie die Beschwerde an das Beschwerdemanagement weiter.',
      'Seine Ersparnisse decken drei Monatsausgaben; ihr Anlagehorizont ist lang.',
      'Bitte prüfen Sie Ihre Berechtigungen mit einem Admin.',
    ],
  },
  {
    language: 'de',
    audience: 'customer',
    wrong: [
      'Dieser Kunde hat 12.300 € gespart.',
      'Die Ausgaben des Kunden sind im letzten Quartal gestiegen.',
      'C-000042 hat einen Anlagehorizont von zehn Jahren.',
      'Bieten Sie dem Kunden einen Beratungstermin an.',
      'Der Kunde sollte seine Karte sofort sperren.',
      'Kunde C-000042 gibt zu viel für Restaurants aus.',
      'Die Kundin hat drei Kreditkarten.',
      'Das Profil dieses Kunden passt zu einem Sparplan.',
    ],
    right: [
      'Sie haben 12.300 € auf Ihrem Tagesgeldkonto.',
      'Ihre Ersparnisse reichen für etwa vier Monate.',
      'Frieren Sie Ihre Karte jetzt in der App ein.',
      'Unser Kundenservice ist rund um die Uhr erreichbar.',
      'Viele unserer Kunden nutzen einen Dauerauftrag zum Sparen.',
      'Wenden Sie sich an den Kundendienst, wenn die Karte nicht ankommt.',
      'Die meisten Kunden erhalten ihre Karte innerhalb einer Woche.',
      'Als Kunde können Sie Ihr Konto jederzeit online verwalten.',
      'Wir erstatten den Kunden die Gebühr, wenn der Fehler bei uns lag.',
      'Ihr Anlagehorizont von zehn Jahren passt zu einem breit gestreuten Fonds.',
    ],
  },
  {
    language: 'es',
    audience: 'advisor',
    wrong: [
      'Usted tiene 12.300 € en su cuenta de ahorro.',
      'Sus ahorros cubren unos cuatro meses de gastos.',
      'Con sus ingresos de 4.200 € al mes, un plan de ahorro encaja bien.',
      'Congele su tarjeta desde la aplicación.',
      'Su saldo está en negativo desde marzo.',
      'Según su perfil, estos productos son los que mejor se ajustan.',
      'Usted gasta unos 600 € al mes en restaurantes.',
      'Su deuda de la tarjeta de crédito asciende a 3.100 €.',
      'Ha ahorrado usted 5.000 € este año.',
      'Sus gastos mensuales han subido un 8 %.',
    ],
    right: [
      'C-000042 tiene 12.300 € en su cuenta de ahorro y un horizonte de diez años.',
      'El cliente C-000042 gasta unos 600 € al mes en restaurantes; puede proponerle un presupuesto.',
      'Los ahorros de la clienta cubren unos cuatro meses.',
      'Congele la tarjeta del cliente en el back office y llámele.',
      'Puede ofrecer al cliente una cita de revisión.',
      'La clienta C-000017 tiene una deuda de 3.100 €. Sus pagos mensuales son de 150 €.',
      'Si tiene dudas sobre sus permisos, consulte con un administrador.',
      'Derive la queja al equipo de reclamaciones.',
      'Revise su cartera de clientes en el panel.',
      'Recuerde al cliente que nunca comparta su PIN.',
    ],
  },
  {
    language: 'es',
    audience: 'customer',
    wrong: [
      'Este cliente tiene 12.300 € ahorrados.',
      'Los gastos del cliente han subido en el último trimestre.',
      'C-000042 tiene un horizonte de inversión de diez años.',
      'Ofrezca al cliente una cita de revisión.',
      'El cliente debería bloquear su tarjeta de inmediato.',
      'La clienta tiene tres tarjetas de crédito.',
      'El perfil de esta clienta encaja con un plan de ahorro.',
      'Cliente C-000042: gasta demasiado en restaurantes.',
    ],
    right: [
      'Usted tiene 12.300 € en su cuenta de ahorro.',
      'Sus ahorros cubren unos cuatro meses de gastos.',
      'Congele su tarjeta ahora mismo desde la aplicación.',
      'Puede llamar a Atención al Cliente las 24 horas.',
      'Nuestro servicio de atención al cliente le ayudará con la devolución.',
      'Muchos de nuestros clientes ahorran con una transferencia periódica.',
      'Como cliente, puede gestionar su cuenta en línea.',
      'La mayoría de los clientes recibe la tarjeta en una semana.',
      'Su horizonte de diez años encaja con un fondo diversificado.',
      'Le devolveremos la comisión si el error fue nuestro.',
    ],
  },
  {
    language: 'en',
    audience: 'customer',
    wrong: ['The customer’s savings cover four months.', 'Offer this customer a review.'],
    right: [
      'You can call our customer service team at any time.',
      'Please contact the customer support line if your card has not arrived.',
      'Most customers receive their card within a week.',
    ],
  },
  {
    language: 'en',
    audience: 'advisor',
    wrong: [
      'Your current account has been overdrawn since March.',
      'You spend about $600 a month on dining.',
    ],
    right: [
      'C-000042 spends about $600 a month on dining; you could suggest a budget.',
      'Check your book in the dashboard.',
      'Remind the customer never to share their PIN.',
    ],
  },
];
