import { describe, expect, it } from 'vitest';
import { findPromissoryLanguage } from '../../../chains/validate/index.ts';
import { findGermanSpanishPromises } from '../../../chains/validate/promissory-structure-german-spanish.ts';

describe('findGermanSpanishPromises: certainty about an outcome in German and Spanish', () => {
  it.each([
    'Mit unserem Aktienfonds erzielen Sie garantiert zweistellige Renditen.',
    'Ihr Geld ist bei diesem Zertifikat absolut sicher und wächst jedes Jahr.',
    'Sie werden mit diesem ETF in zehn Jahren Millionär.',
    'Das Risiko eines Verlusts ist bei dieser Anlage gleich null.',
    'Dieser Fonds fällt niemals unter den Ausgabepreis.',
    'Verluste sind hier praktisch unmöglich.',
    'Ich verspreche Ihnen, dass sich Ihr Vermögen verdoppelt.',
    'Der Bitcoin wird nächstes Jahr auf 150.000 Euro steigen.',
    'Eine risikolose Rendite von 6 % pro Jahr ist Ihnen sicher.',
    'Unser Portfolio schlägt den Markt jedes Jahr, ohne Ausnahme.',
    'Sie können sich darauf verlassen, dass die Dividende weiter steigt.',
    'Ihre Baufinanzierung wird garantiert bewilligt.',
    'Mit dieser Strategie verlieren Sie nie wieder Geld.',
    'Die Immobilienpreise werden auf jeden Fall weiter steigen.',
    'Con nuestro fondo su dinero crecerá un 10 % cada año, sin excepción.',
    'Esta inversión no tiene ningún riesgo.',
    'Le garantizo que las acciones se revalorizarán este año.',
    'Nunca perderá dinero con esta cartera.',
    'El oro va a subir seguro en los próximos meses.',
    'Su préstamo está aprobado, eso téngalo por seguro.',
    'Con este plan tendrá una jubilación tranquila pase lo que pase.',
    'Es una inversión cien por cien segura con beneficios garantizados.',
    'Esta cartera siempre bate al mercado.',
    'Sus ahorros nunca bajarán de valor.',
    'Le aseguro que recuperará todo su capital con intereses.',
    'La rentabilidad del 12 % está asegurada.',
    'Las pérdidas son imposibles con este producto.',
    'El bitcoin duplicará su precio antes de fin de año.',
    'Keine Sorge, bei diesem Produkt ist Ihr Kapital garantiert geschützt und bringt 5 % im Jahr.',
    'Wir garantieren Ihnen eine jährliche Ausschüttung von 4 %.',
    'Dieser Mischfonds macht jedes Jahr Gewinn.',
    'Die Rendite ist Ihnen so gut wie sicher.',
    'In fünf Jahren haben Sie mit Sicherheit doppelt so viel Geld.',
    'Ihr Depot wird sich in diesem Jahr bestimmt sehr gut entwickeln.',
    'Mit unserer Vermögensverwaltung ist ein Verlust nicht möglich.',
    'Diese Aktie kennt nur eine Richtung: nach oben.',
    'Ihr Antrag auf das Darlehen wird sicher angenommen.',
    'Sie gehen mit diesem Plan garantiert früher in Rente.',
    'Su dinero estará completamente protegido y ganará un 6 % anual.',
    'Garantizamos que este fondo no tendrá pérdidas.',
    'Con esta cartera ganará dinero todos los años.',
    'La rentabilidad está prácticamente asegurada.',
    'Dentro de cinco años habrá duplicado su inversión, sin duda.',
    'Esta acción solo puede ir hacia arriba.',
    'Su solicitud de crédito será aprobada, no se preocupe.',
    'Nuestros clientes nunca han perdido dinero y usted tampoco lo hará.',
    'Invierta hoy y obtendrá un beneficio seguro.',
    'El fondo le dará un 9 % anual pase lo que pase.',
  ])('rejects "%s"', (sentence) => {
    expect(findPromissoryLanguage(sentence)).not.toEqual([]);
  });

  it.each([
    'Der Wert Ihrer Anlage kann schwanken und ist nicht garantiert.',
    'Frühere Wertentwicklungen sind keine Garantie für die Zukunft.',
    'Es besteht das Risiko, dass Sie Ihr eingesetztes Kapital ganz oder teilweise verlieren.',
    'Ihr Tagesgeld ist über die gesetzliche Einlagensicherung bis 100.000 Euro abgesichert.',
    'Der Festzins von 3 % gilt für die gesamte Laufzeit laut Vertrag.',
    'Niemand kann vorhersagen, wie sich der Goldpreis entwickelt.',
    'Ob sich Ihr Vermögen verdoppelt, hängt von der Marktentwicklung ab.',
    'Wir können Ihnen keine Rendite versprechen.',
    'Der Fonds strebt eine Rendite über dem Marktdurchschnitt an, ohne Garantie.',
    'Eine Kreditzusage erfolgt erst nach Prüfung Ihrer Bonität.',
    'Aktien können im Wert steigen, aber auch stark fallen.',
    'Investieren Sie nur Geld, dessen Verlust Sie verkraften können.',
    'Die Dividende wird vom Unternehmen festgelegt und kann gekürzt werden.',
    'Eine Anlage ohne jedes Risiko gibt es nicht.',
    'La rentabilidad no está garantizada y el valor de la inversión puede bajar.',
    'Rentabilidades pasadas no presuponen rentabilidades futuras.',
    'Invertir en bolsa conlleva riesgo de pérdida de capital.',
    'Nadie puede predecir el precio del oro.',
    'El tipo de interés del depósito a plazo fijo es del 2 % según las condiciones del contrato.',
    'La concesión del préstamo depende del análisis de solvencia.',
    'No podemos asegurarle que el fondo bata al mercado.',
    'Los fondos de inversión no son productos sin riesgo.',
    'El valor de las acciones puede subir o bajar.',
    'No invierta dinero que no pueda permitirse perder.',
    'Su cuenta de ahorro está cubierta por el Fondo de Garantía de Depósitos hasta 100.000 euros.',
    'La cartera pretende batir al mercado a largo plazo, aunque no hay garantía.',
    'Es posible que pierda parte de su inversión.',
    'El plan de pensiones puede ayudarle a jubilarse antes, según la evolución de los mercados.',
    'Der Wert von Fondsanteilen kann sinken, und Sie erhalten möglicherweise weniger zurück, als Sie eingezahlt haben.',
    'Wir können nicht garantieren, dass die Ausschüttung jedes Jahr gleich hoch ist.',
    'Der Fonds hat in den letzten fünf Jahren im Durchschnitt 6 % erzielt; das ist kein Hinweis auf künftige Ergebnisse.',
    'Ihr Festgeld ist bis 100.000 Euro durch die Einlagensicherung geschützt.',
    'Die Zinsen werden monatlich gutgeschrieben.',
    'Ob Sie früher in Rente gehen können, lässt sich heute nicht sagen.',
    'Kursverluste sind bei Aktien jederzeit möglich.',
    'Bitte lesen Sie vor der Anlage das Basisinformationsblatt.',
    'Ein Kredit wird nur nach positiver Bonitätsprüfung gewährt.',
    'Wir empfehlen, Ihr Geld breit zu streuen, um Risiken zu verringern.',
    'El valor de las participaciones puede disminuir y podría recuperar menos de lo invertido.',
    'No garantizamos que el dividendo se mantenga cada año.',
    'El fondo obtuvo un 6 % de media en los últimos cinco años, lo que no asegura resultados futuros.',
    'Su depósito a plazo está protegido hasta 100.000 euros.',
    'Los intereses se abonan cada mes en su cuenta.',
    'Las caídas de precio en bolsa son siempre posibles.',
    'Lea el documento de datos fundamentales antes de invertir.',
    'El crédito solo se concede tras un análisis positivo de solvencia.',
    'Le recomendamos diversificar su dinero para reducir riesgos.',
    'Nadie sabe si el precio del oro subirá o bajará.',
  ])('passes "%s"', (sentence) => {
    expect(findPromissoryLanguage(sentence)).toEqual([]);
  });

  it.each([
    'Garantierte Rendite',
    'risikolose Geldanlage',
    'kein Verlustrisiko',
    'rentabilidad garantizada',
    'sin riesgo',
    'inversión segura',
  ])('rejects the phrase-list entry "%s"', (phrase) => {
    expect(findPromissoryLanguage(phrase)).not.toEqual([]);
  });

  it.each([
    'Rendite nicht garantiert',
    'Kapital ist Risiken ausgesetzt',
    'su capital está en riesgo',
    'rentabilidades pasadas no garantizan rentabilidades futuras',
    'capital at risk',
  ])('passes the phrase-list entry "%s"', (phrase) => {
    expect(findPromissoryLanguage(phrase)).toEqual([]);
  });

  it('names the clause and its cue', () => {
    expect(findGermanSpanishPromises('Mit diesem Fonds können Sie kein Geld verlieren.')).toEqual([
      { start: 0, end: 48, cue: 'kein Geld verlieren' },
    ]);
  });

  it('reads only the promising clause of a contrast ("…, aber …", "…, pero …")', () => {
    const text = 'Der Fonds kann schwanken, aber Ihr Kapital ist garantiert sicher.';
    const [promise] = findGermanSpanishPromises(text);
    expect(promise && text.slice(promise.start, promise.end)).toBe('Ihr Kapital ist garantiert sicher.');
  });

  it('leaves English sentences to the English rules, even with a German or Spanish word in them', () => {
    expect(
      findGermanSpanishPromises('Your capital in the Rendite fund could fall; nothing is garantiert.'),
    ).toEqual([]);
    expect(findGermanSpanishPromises('The siempre fund has had losing years and may have more.')).toEqual([]);
  });
});
