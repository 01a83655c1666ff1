import type { FixedTextKey } from './en.ts';

const OFFER_HUMAN = 'Si lo desea, puedo ponerle en contacto con uno de nuestros asesores.';
const PHONE = '0800 123 4567';

/** The fixed sentences in Spanish, formal address ("usted"). */
export const SPANISH_TEXTS: Readonly<Record<FixedTextKey, string>> = {
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
    '¿De qué cliente se trata? Envíe su número de cliente (por ejemplo, C-000042) y ordenaré los productos que ' +
    'mejor se ajustan a su perfil.',
  one_customer_at_a_time:
    'Ha mencionado {customers}. ¿De qué cliente se trata? Respondo sobre un solo cliente cada vez.',
  message_too_long: 'Este mensaje es demasiado largo: tiene {length} caracteres y el límite es {limit}.',
};
