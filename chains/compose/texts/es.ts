import type { FixedTextKey } from './en.ts';

/** The fixed sentences in Spanish, formal address ("usted"). */
export const SPANISH_TEXTS: Readonly<Record<FixedTextKey, string>> = {
  not_authorised: 'Lo siento, solo puedo ayudarle con sus propias cuentas.',
  out_of_scope:
    'Lo siento, no puedo ayudarle con eso aquí. Puedo responder a preguntas sobre nuestros productos, tarjetas, ' +
    'pagos, comisiones y la gestión de su dinero. Si lo desea, puedo ponerle en contacto con uno de nuestros asesores.',
  human_handoff:
    'Por supuesto. Paso su consulta a uno de nuestros asesores, que se pondrá en contacto con usted lo antes posible.',
  human_handoff_offer: 'Si lo desea, puedo ponerle en contacto con uno de nuestros asesores.',
  complaint_acknowledgement:
    'Lamento lo ocurrido y le agradezco que nos lo haya comunicado. He trasladado su queja a nuestro equipo y ' +
    'uno de nuestros asesores se pondrá en contacto con usted.',
  clarifying_question: '¿Se trata de {a}, de {b} o de {c}?',
  clarifying_question_two: '¿Se trata de {a} o de {b}?',
  urgent_steps_preface: 'Esto es urgente. Por favor, haga esto primero:',
  urgent_flagged:
    'También he marcado esta conversación para que alguien de nuestro equipo haga el seguimiento.',
  manipulation_refusal:
    'No puedo hacer eso. Solo ofrezco orientación basada en la información del propio banco, y no puedo cambiar ' +
    'mi forma de trabajar, aprobar solicitudes ni mover dinero. Si necesita ayuda con una solicitud o un pago, ' +
    'nuestro equipo puede ayudarle. Si lo desea, puedo ponerle en contacto con uno de nuestros asesores.',
  service_unavailable:
    'El asistente no está disponible en este momento. Por favor, inténtelo de nuevo en unos minutos.',
  safe_fallback:
    'Lo siento, ahora mismo no puedo darle una respuesta fiable. ' +
    'Si lo desea, puedo ponerle en contacto con uno de nuestros asesores.',
  no_guidance_found:
    'Lo siento, no he encontrado información sobre eso. ' +
    'Si lo desea, puedo ponerle en contacto con uno de nuestros asesores.',
  risk_disclosure:
    'Recuerde que el valor de las inversiones puede bajar además de subir, y que es posible que recupere menos ' +
    'de lo que invirtió.',
  small_talk_greeting:
    '¡Hola! Soy el asistente virtual del banco. Puedo explicarle nuestros productos, sugerirle los que se ajustan ' +
    'a su perfil y responder a sus preguntas sobre tarjetas, pagos, comisiones y ahorro. ¿En qué puedo ayudarle?',
  small_talk_thanks: '¡De nada! ¿Hay algo más en lo que pueda ayudarle?',
  small_talk_goodbye: 'Hasta pronto, y gracias por escribirnos. Aquí estaré siempre que me necesite.',
  guide_introduction: 'Esto es lo que dice nuestra guía «{title}»:',
  guide_closing: 'Si esto no responde a su pregunta, puedo ponerle en contacto con uno de nuestros asesores.',
  recommendation_introduction: 'Según su perfil, estos son los productos que mejor se ajustan:',
  recommendation_none:
    'Ahora mismo no he encontrado ningún producto de nuestra gama que se ajuste a su perfil, así que no le ' +
    'sugeriré ninguno. Uno de nuestros asesores puede estudiar su situación completa.',
  recommendation_more_detail:
    '¿Quiere más información sobre alguno de ellos? Si lo desea, puedo ponerle en contacto con uno de nuestros asesores.',
  which_customer:
    '¿De qué cliente se trata? Envíe su número de cliente (por ejemplo, C-000042) y ordenaré los productos que ' +
    'mejor se ajustan a su perfil.',
  one_customer_at_a_time:
    'Ha mencionado {customers}. ¿De qué cliente se trata? Respondo sobre un solo cliente cada vez.',
  message_too_long: 'Este mensaje es demasiado largo: tiene {length} caracteres y el límite es {limit}.',
  english_only_notice: 'Por ahora solo puedo responder en inglés.',
};
