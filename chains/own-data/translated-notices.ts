import { SPEND_CATEGORIES } from '../../knowledge/schemas.ts';
import { categoryName, type TranslatedReader, translatedVoice } from './translated-voice.ts';

/** Why an own-data question gets no figures, in German or Spanish (the English texts are in answer-own-data.ts). */
export type OwnDataNotice = 'no_history' | 'no_transactions' | 'other_customer' | 'unknown_category';

/** The text of a notice; `words` is the unknown category asked about. */
export function translatedNotice(notice: OwnDataNotice, reader: TranslatedReader, words = ''): string {
  const { language, audience, customerId } = reader;
  const voice = translatedVoice(reader);
  const customer = audience === 'customer';
  const de = language === 'de';
  switch (notice) {
    case 'no_history':
      if (!customer) {
        return de
          ? `Die Ausgabenhistorie des Kunden ${customerId} ist nicht im Speicher: Der Datensatz wurde eingelesen, bevor Ausgabenhistorien gespeichert wurden. Führen Sie \`npm run ingest\` erneut aus, um sie hinzuzufügen.`
          : `El historial de gastos del cliente ${customerId} no está en el almacén: se cargó antes de que se guardara el historial de gastos. Vuelva a ejecutar \`npm run ingest\` para añadirlo.`;
      }
      return de
        ? 'Ihre Ausgabenhistorie ist noch nicht verfügbar, daher kann ich Ihre Ausgaben nicht aufschlüsseln. Bitte versuchen Sie es später noch einmal oder bitten Sie um ein Gespräch mit einer Beraterin oder einem Berater.'
        : 'Su historial de gastos aún no está disponible, así que no puedo desglosar sus gastos. Vuelva a intentarlo más tarde o pida hablar con un asesor.';
    case 'no_transactions':
      return de
        ? `In ${voice.recordsDative} gibt es keine Umsätze, daher kann ich noch nichts über ${voice.their} Ausgaben sagen.`
        : `No hay movimientos en ${voice.records}, así que todavía no puedo decir nada sobre sus gastos.`;
    case 'other_customer':
      return de
        ? `Ich kann nur aus ${customer ? 'Ihren eigenen Daten' : `den eigenen Daten des Kunden ${customerId}`} antworten.`
        : `Solo puedo responder a partir de ${customer ? 'sus propios registros' : `los propios registros del cliente ${customerId}`}.`;
    case 'unknown_category': {
      const list = SPEND_CATEGORIES.map((category) => categoryName(language, category)).join(', ');
      return de
        ? `Eine Ausgabenkategorie „${words}“ gibt es bei mir nicht. Ausgaben sind so gruppiert: ${list}.`
        : `No tengo una categoría de gasto llamada «${words}». El gasto se agrupa en: ${list}.`;
    }
  }
}
