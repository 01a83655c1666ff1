import type { FixedTextKey } from './en.ts';

const OFFER_HUMAN = 'Si lo desea, puedo ponerle en contacto con uno de nuestros asesores.';
const PHONE = '0800 123 4567';

/** The fixed sentences in Spanish for the customer, formal address ("usted"). */
export const SPANISH_CUSTOMER_TEXTS: Readonly<Record<FixedTextKey, string>> = {
  not_authorised: `Lo siento, no puedo compartir esa información. ${OFFER_HUMAN}`,
  out_of_scope:
    'Lo siento, no puedo ayudarle con eso aquí. Puedo responder a preguntas sobre nuestras tarjetas, pagos, ' +
    'transferencias, comisiones, sus propios gastos y la gestión de su dinero, y sugerirle productos que se ' +
    `ajusten a su perfil. ${OFFER_HUMAN}`,
  human_handoff:
    'Por supuesto. He marcado esta conversación para uno de nuestros asesores, que la atenderá aquí lo antes ' +
    `posible. También puede llamarnos en cualquier momento al ${PHONE}.`,
  human_handoff_offer: OFFER_HUMAN,
  complaint_acknowledgement:
    'Lamento que haya tenido esta experiencia. He registrado su queja y he marcado esta conversación para un ' +
    'miembro de nuestro equipo, que se pondrá en contacto con usted. Si desea hablar con alguien ahora, ' +
    `llámenos al ${PHONE}.`,
  clarifying_question: 'Para asegurarme de ayudarle con lo correcto: ¿se trata de {options}?',
  urgent_steps_preface: 'Por favor, actúe de inmediato:',
  urgent_steps:
    '1. Congele su tarjeta ahora mismo en la aplicación (Tarjetas → Congelar tarjeta); podrá descongelarla más tarde.\n' +
    `2. Llame a nuestra línea 24/7 al ${PHONE} (desde el extranjero, +44 20 7946 0000) para bloquear la tarjeta ` +
    'e informar de lo ocurrido.\n' +
    '3. Nunca comparta su PIN, sus contraseñas ni sus códigos de un solo uso con nadie, aunque diga que llama ' +
    'del banco.\n' +
    'He marcado esta conversación para un miembro de nuestro equipo.',
  manipulation_refusal:
    'No puedo hacer eso. Solo ofrezco orientación basada en la información del propio banco, y no puedo cambiar ' +
    `mi forma de trabajar, aprobar solicitudes ni mover dinero. ${OFFER_HUMAN}`,
  service_unavailable: `Lo siento, ahora mismo no puedo darle una respuesta fiable. ${OFFER_HUMAN}`,
  risk_disclosure:
    'Recuerde que el valor de las inversiones puede bajar además de subir, y que es posible que recupere menos ' +
    'de lo que invirtió.',
  small_talk_greeting:
    '¡Hola! Soy el asistente virtual del banco. Puedo ayudarle con tarjetas, pagos, transferencias, comisiones, ' +
    'sus propios gastos y el ahorro, y sugerirle productos que se ajusten a su perfil. ¿En qué puedo ayudarle?',
  small_talk_thanks: '¡De nada! ¿Hay algo más en lo que pueda ayudarle?',
  small_talk_goodbye: 'Hasta pronto, y gracias por escribirnos. Aquí estaré siempre que me necesite.',
  english_only_notice: 'Por ahora respondo en inglés.',
  no_article: `Lo siento, todavía no tengo una guía sobre {topic}. ${OFFER_HUMAN}`,
  no_guidance_found: `Lo siento, no he encontrado información sobre eso. ${OFFER_HUMAN}`,
  own_data_unavailable:
    'Todavía no puedo calcular eso a partir de sus datos. Puedo explicarle nuestras guías sobre presupuesto y ' +
    `ahorro, o sugerirle productos que se ajusten a su perfil. ${OFFER_HUMAN}`,
  guide_introduction: 'Esto es lo que dice nuestra guía «{title}»:',
  guide_closing: 'Si esto no responde a su pregunta, puedo ponerle en contacto con uno de nuestros asesores.',
  recommendation_introduction: 'Según su perfil, estos son los productos que mejor se ajustan:',
  recommendation_none:
    'Ahora mismo no he encontrado ningún producto de nuestra gama que se ajuste a su perfil, así que no le ' +
    'sugeriré ninguno. Uno de nuestros asesores puede estudiar su situación completa.',
  recommendation_more_detail: `¿Quiere más información sobre alguno de ellos? ${OFFER_HUMAN}`,
  which_customer:
    'Ahora mismo no encuentro sus datos de cliente, así que no puedo sugerirle productos. ' + OFFER_HUMAN,
  one_customer_at_a_time: 'Ha mencionado {customers}. Solo puedo responder sobre sus propias cuentas.',
  message_too_long: 'Este mensaje es demasiado largo: tiene {length} caracteres y el límite es {limit}.',
  rate_expected_return: 'Rentabilidad esperada de alrededor del {rate}% anual, no garantizada.',
  rate_monthly_premium: 'Primas desde {premium} al mes.',
  rate_aer: '{rate}% TAE.',
  rate_apr: '{rate}% TAE.',
  article_in_english: 'Por ahora, esta guía solo está disponible en inglés.',
};

const ADVISOR_FOLLOW_UP = 'Si el cliente{id} necesita más, concierte una cita de revisión con él.';

/**
 * The same sentences for an advisor asking about a customer, formal address ("usted") for the advisor: the
 * customer in the third person ("del cliente C-000042", or "del cliente" when none was named) and the advisor's steps.
 */
export const SPANISH_ADVISOR_TEXTS: Readonly<Record<FixedTextKey, string>> = {
  not_authorised:
    'Lo siento, no puedo compartir esa información. Si la necesita para su trabajo, pida a un administrador que ' +
    'revise sus permisos.',
  out_of_scope:
    'Esto queda fuera de lo que puedo responder. Puedo responder a preguntas sobre nuestras tarjetas, pagos, ' +
    'transferencias, comisiones y la gestión del dinero, explicar los gastos del cliente{id} y sugerir productos ' +
    'que se ajusten a su perfil; para todo lo demás, puede derivar al cliente al equipo que corresponda.',
  human_handoff:
    'Por supuesto. He marcado esta conversación para un compañero del equipo de asesoría, que la atenderá aquí ' +
    `lo antes posible. El cliente{id} también puede llamarnos en cualquier momento al ${PHONE}.`,
  human_handoff_offer: ADVISOR_FOLLOW_UP,
  complaint_acknowledgement:
    'He registrado esto como una queja y he marcado la conversación. Derívela al equipo de reclamaciones, que se ' +
    'pondrá en contacto con el cliente{id}; si quiere hablar con alguien ahora, el cliente puede llamarnos al ' +
    `${PHONE}.`,
  clarifying_question:
    'Para asegurarme de ayudarle con lo correcto: ¿la consulta del cliente{id} trata de {options}?',
  urgent_steps_preface: 'Por favor, actúe de inmediato por el cliente{id}:',
  urgent_steps:
    '1. Congele ahora mismo la tarjeta del cliente{id} en el back office (Cliente → Tarjetas → Congelar tarjeta); ' +
    'podrá descongelarse más tarde.\n' +
    '2. Llame al cliente al número que consta en su ficha, o pídale que llame a nuestra línea 24/7 al ' +
    `${PHONE} (desde el extranjero, +44 20 7946 0000), para confirmar el bloqueo e informar de lo ocurrido.\n` +
    '3. Recuerde al cliente que nunca comparta su PIN, sus contraseñas ni sus códigos de un solo uso con nadie, ' +
    'aunque diga que llama del banco.\n' +
    'He marcado esta conversación para el equipo de fraude.',
  manipulation_refusal:
    'No puedo hacer eso. Solo ofrezco orientación basada en la información del propio banco, y no puedo cambiar ' +
    'mi forma de trabajar, aprobar solicitudes ni mover dinero; las solicitudes y los pagos se tramitan en el ' +
    'back office.',
  service_unavailable:
    'Lo siento, ahora mismo no puedo darle una respuesta fiable. Consulte los datos del cliente{id} en el back ' +
    'office o inténtelo de nuevo más tarde.',
  risk_disclosure:
    'Recuerde que el valor de las inversiones puede bajar además de subir, y que es posible que el cliente{id} ' +
    'recupere menos de lo que invirtió.',
  small_talk_greeting:
    '¡Hola! Soy el asistente virtual del banco. Puedo explicarle nuestros productos y guías, responder a ' +
    'preguntas sobre tarjetas, pagos, transferencias y comisiones, y ordenar los productos que mejor se ajustan a ' +
    'cada cliente que usted atiende. ¿En qué puedo ayudarle?',
  small_talk_thanks: '¡De nada! ¿Hay algo más en lo que pueda ayudarle?',
  small_talk_goodbye: 'Hasta pronto, y gracias por escribirnos. Aquí estaré siempre que me necesite.',
  english_only_notice: 'Por ahora respondo en inglés.',
  no_article: `Lo siento, todavía no tengo una guía sobre {topic}. ${ADVISOR_FOLLOW_UP}`,
  no_guidance_found: `Lo siento, no he encontrado información sobre eso. ${ADVISOR_FOLLOW_UP}`,
  own_data_unavailable:
    'Todavía no puedo calcular eso a partir de los datos del cliente{id}; los datos completos están en el back ' +
    'office. Puedo explicar nuestras guías sobre presupuesto y ahorro, o sugerir productos que se ajusten a su ' +
    'perfil.',
  guide_introduction: 'Esto es lo que dice nuestra guía «{title}»:',
  guide_closing: ADVISOR_FOLLOW_UP,
  recommendation_introduction:
    'Según el perfil del cliente{id}, estos son los productos que mejor se ajustan:',
  recommendation_none:
    'Ahora mismo no he encontrado ningún producto de nuestra gama que se ajuste al perfil del cliente{id}, así ' +
    'que no sugeriré ninguno. Concierte una cita de revisión para estudiar su situación completa.',
  recommendation_more_detail:
    'Están ordenados ante todo por idoneidad; los motivos de cada tarjeta son los datos que decidieron cada ' +
    'uno. Ofrezca al cliente{id} los que encajen, o concierte una cita de revisión con él para repasarlo todo.',
  which_customer:
    '¿De qué cliente se trata? Envíe su número de cliente (por ejemplo, C-000042) y ordenaré los productos que ' +
    'mejor se ajustan a su perfil.',
  one_customer_at_a_time:
    'Ha mencionado {customers}. ¿De qué cliente se trata? Respondo sobre un solo cliente cada vez.',
  message_too_long: 'Este mensaje es demasiado largo: tiene {length} caracteres y el límite es {limit}.',
  rate_expected_return: 'Rentabilidad esperada de alrededor del {rate}% anual, no garantizada.',
  rate_monthly_premium: 'Primas desde {premium} al mes.',
  rate_aer: '{rate}% TAE.',
  rate_apr: '{rate}% TAE.',
  article_in_english: 'Por ahora, esta guía solo está disponible en inglés.',
};
