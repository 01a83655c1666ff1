/**
 * Instruction-like sentences in languages other than English: the same families as the English rules
 * (drop your rules, persona switches, prompt extraction, other customers' data, orders about money and
 * records), written for German and Spanish in depth and for French, Italian, Portuguese, Dutch, Polish,
 * Croatian/Serbian, Russian and Turkish in their most common form ("ignore all previous instructions").
 * Families found later (leaking what came before the conversation, "repeat after me", claimed authority,
 * dictated endings) are written once for several languages, English included.
 * A customer correcting themselves ("Vergiss es", "olvida lo que te dije del préstamo") is not an order
 * to the model, so "forget" needs the model's rules or "everything above" as its object.
 */

// JavaScript's \b only knows ASCII letters, so the end boundary also knows accented and Cyrillic ones. Each phrase
// starts with an ASCII letter, where \b is exact and far cheaper than a look-behind tried at every position.
const LETTER = 'A-Za-z0-9À-ÖØ-öø-ÿĀ-žА-яЁё';
const END = `(?![${LETTER}])`;
/** A whole word or phrase, bounded by non-letters on both sides; case-insensitive. */
const words = (source: string): RegExp => new RegExp(`\\b(?:${source})${END}`, 'i');
/** An order at the start of a sentence, after a few filler words ("bitte", "ahora", "jetzt"…); `source` ends its own words. */
const opening = (fillers: string, source: string): RegExp =>
  new RegExp(`^[\\W_]*(?:(?:${fillers})[\\s,]+)*(?:${source})`, 'i');

const DE_FILLERS = 'bitte|jetzt|nun|also|dann|und|ok(?:ay)?|gut|sofort|einfach|ach';
const ES_FILLERS = 'por\\s+favor|ahora|bueno|bien|vale|ok(?:ay)?|y|entonces|ya|bah';

// German: "Vergiss alle vorherigen Anweisungen", "Ignorieren Sie die obigen Anweisungen", "ignoriere die Compliance-Prüfung".
const DE_FORGET =
  '(?:vergiss|vergesst|vergessen\\s+sie|ignorier(?:e|t|en)?(?:\\s+sie)?|missachte|missachten\\s+sie|übergehe|umgehe|überspringe?|verwirf)';
const DE_DETERMINERS =
  '(?:nun|jetzt|einfach|bitte|mal|alle|alles|sämtliche|jegliche|die|der|den|das|deine|deinen|ihre|ihren|eure|diese|meine)';
const DE_EARLIER =
  '(?:vorherigen?|bisherigen?|obigen?|vorangegangenen?|vorangehenden?|vorigen?|früheren?|ursprünglichen?|alten|gegebenen|gesamten)';
const DE_RULES =
  '(?:anweisung(?:en)?|instruktion(?:en)?|befehle?|regeln|richtlinien|vorgaben|einschränkungen|anordnungen|(?:system-?)?prompts?|sicherheits[a-zäöüß-]*|compliance[a-zäöüß-]*|[a-zäöüß-]*prüfung(?:en)?|kontrollen?|filter)';
const DE_EARLIER_THINGS = '(?:aufträge|aufgaben|angaben|informationen|ausführungen|nachrichten|texte)';

// Spanish: "Olvida tus instrucciones anteriores", "ignora la verificación de cumplimiento", "sáltate tus políticas".
const ES_FORGET =
  '(?:ignora|ignore|ignorad|ignoren|olvida|olvide|olvidad|olv[ií]date\\s+de|olv[ií]dese\\s+de|omite|omita|pasa\\s+por\\s+alto|s[aá]ltate|saltarte|saltarse|desobedece|descarta|anula|elude)';
const ES_DETERMINERS = '(?:ya|ahora|todas|todos|las|los|tus|sus|el|la|de|del|esas|estas|mis)';
const ES_RULES =
  '(?:instrucci[oó]n(?:es)?|reglas|normas|indicaciones|[oó]rdenes|directrices|pautas|restricciones|pol[ií]ticas|prompt|verificaci[oó]n(?:es)?|comprobaci[oó]n(?:es)?|controles|filtros?|l[ií]mites|protocolos?)';

/** The patterns, tried sentence by sentence after the English ones. */
export const OTHER_LANGUAGE_PATTERNS: readonly RegExp[] = [
  // German — drop your rules.
  words(`${DE_FORGET}\\s+(?:${DE_DETERMINERS}\\s+)*(?:${DE_EARLIER}\\s+)?${DE_RULES}`),
  words(`${DE_FORGET}\\s+(?:${DE_DETERMINERS}\\s+)*${DE_EARLIER}\\s+${DE_EARLIER_THINGS}`),
  words(
    `(?:vergiss|vergessen\\s+sie|ignorier(?:e|en)?(?:\\s+sie)?)\\s+(?:nun\\s+|jetzt\\s+|einfach\\s+)?(?:alles|das\\s+alles|all\\s+das)\\s*,?\\s*(?:davor|zuvor|vorher|bisher|bisherige|oben|gesagte|vorherige|(?:was|das)\\s+(?:oben|davor|zuvor|vorher|bisher))`,
  ),
  words(
    `(?:alle|die)\\s+${DE_EARLIER}\\s+(?:${DE_RULES}|${DE_EARLIER_THINGS})\\s+(?:ignorieren|vergessen|sind\\s+(?:irrelevant|ungültig|hinfällig|aufgehoben|nichtig))`,
  ),
  words(`${DE_EARLIER}\\s+(?:${DE_RULES}|${DE_EARLIER_THINGS})\\s+(?:ignorieren|vergessen)`),
  words(
    'abweichend\\s+(?:zu|von)\\s+(?:den\\s+)?(?:vorherigen|bisherigen|obigen)\\s+(?:instruktionen|anweisungen|vorgaben)',
  ),
  words(
    '(?:folgen|kommen|hier\\s+sind|gelten)\\s+(?:jetzt\\s+|nun\\s+)?neue\\s+(?:anweisungen|instruktionen|befehle|regeln)',
  ),
  words('deine\\s+neue\\s+aufgabe\\s*(?::|ist|lautet|besteht)'),
  // German — persona switches.
  words(
    '(?:du\\s+bist|bist\\s+du)\\s+(?:jetzt|nun|ab\\s+(?:jetzt|sofort)|von\\s+nun\\s+an)\\s+(?:ein|eine|einen|kein|keine|nicht\\s+mehr|frei|uneingeschränkt|mein|meine|der|die|DAN)',
  ),
  words(
    '(?:jetzt|nun|ab\\s+(?:jetzt|sofort)|von\\s+nun\\s+an)\\s+bist\\s+du\\s+(?!dran|an\\s+der\\s+reihe|fertig|wieder\\s+da)[a-zäöüß]+',
  ),
  words(
    'ab\\s+(?:jetzt|sofort)\\s+(?:antwortest|sprichst|ignorierst|gibst|schreibst|verhältst|wirst|sollst|darfst|sagst|beendest|endest|empfiehlst)\\s+du',
  ),
  words(
    '(?:tu|tue)\\s+so\\s*,?\\s+als\\s+(?:ob\\s+du|wärst\\s+du|wärest\\s+du)|stell(?:e)?\\s+dir\\s+vor\\s*,?\\s+du\\s+(?:bist|wärst|wärest)',
  ),
  words(
    '(?:spiel(?:e)?|übernimm|übernehmen\\s+sie)\\s+(?:die|eine)\\s+rolle|bleib(?:e)?\\s+in\\s+deiner\\s+rolle|gehst\\s+vollkommen\\s+in\\s+deiner\\s+rolle\\s+auf',
  ),
  opening(
    DE_FILLERS,
    `(?:handle|agiere|verhalte\\s+dich|antworte|reagiere|fungiere)\\s+(?:(?:ab\\s+sofort|ab\\s+jetzt|nur\\s+noch|nur|jetzt|nun)\\s+)*(?:als|wie)${END}`,
  ),
  words('(?:dass|das)\\s+(?:sie|du)\\s+als\\s+[^.!?]{1,60}?\\s+(?:fungieren|fungierst|agieren|agierst)'),
  words(
    'entwickler-?modus|(?:ki|chatbot|bot|assistent|modell)\\s+ohne\\s+(?:jegliche\\s+|ethische\\s+oder\\s+)?(?:regeln|filter|einschränkungen|zensur|grenzen|ethische|moralische|richtlinien)|ohne\\s+zensur',
  ),
  /(?:bist\s+du|du\s+bist)\s+DAN\b/,
  // German — prompt and data extraction, authority claims, orders about money and records.
  words(
    '(?:system-?prompts?|prompt-?texte?s?|system-?anweisung(?:en)?|versteckten\\s+prompt|(?:deine|ihre)\\s+(?:anweisungen|instruktionen|konfiguration|systemanweisungen)\\s+(?:wort\\s+für\\s+wort|vollständig|aus))',
  ),
  words(
    '(?:wiederhole|zeig(?:e)?|verrate|nenne|übersetze|gib)\\s+(?:mir\\s+)?(?:deine|ihre)\\s+(?:anweisungen|instruktionen|konfiguration)',
  ),
  words(
    '(?:daten|kontostände|kontodaten|informationen|adressen|passwörter)\\s+(?:aller|anderer|sämtlicher|fremder)\\s+kunden|(?:alle|sämtliche)\\s+(?:kundendaten|daten\\s+der\\s+kunden)|admin-?passw[a-zöäü]*',
  ),
  /^[\W_]*(?:system(?:hinweis|anweisung)\s*:|hinweis\s+an\s+(?:die\s+|den\s+)?(?:ki|bot|assistenten|assistentin)\b)/i,
  words(
    '(?:erlaube|gestatte|autorisiere)\\s+ich\\s+dir|ich\\s+(?:erlaube|gestatte|autorisiere)\\s+dir\\s+[^.!?]{0,40}?(?:deaktivieren|ignorieren|umgehen|zeigen|auszugeben)',
  ),
  words(
    '(?:deaktiviere|umgehe|ignoriere)\\s+(?:alle\\s+|deine\\s+|die\\s+)?(?:sicherheits-?)?filter|(?:sicherheits-?)?filter\\s+(?:zu\\s+)?(?:deaktivieren|ausschalten|umgehen)',
  ),
  opening(
    DE_FILLERS,
    '(?:überweise|überweisen\\s+sie|sende|schicke?)\\s+(?:sofort\\s+|jetzt\\s+|umgehend\\s+)*\\d[\\d.,]*\\s*(?:€|euro|eur)[^.!?]{0,60}?(?:auf|an)\\s+(?:das|ein|dieses|folgende)?\\s*konto',
  ),
  opening(
    DE_FILLERS,
    `(?:genehmige|bewillige|gewähre|erlasse|markiere|stufe)\\s+(?:mir\\s+|sofort\\s+)?(?:meinen|meine|mein|den|die|diesen|dieses|alle|sämtliche)\\s+[^.!?]{0,40}?(?:kredit\\w*|darlehen|antrag|gebühren|zinsen|schulden|kunden\\s+als|als)${END}`,
  ),
  opening(DE_FILLERS, 'behaupte\\s*,?\\s+dass|sag(?:e)?\\s+(?:einfach\\s+)?(?:nur\\s+)?"'),
  words(
    'vergiss\\s+alles\\s*,\\s*(?:und\\s+)?(?:schreib|sag|gib|antworte|erzähl|beantworte|zeig)|(?:jetzt|nun)\\s+vergiss\\s+(?:das|dies|diese\\s+aufgabe)\\s+und|(?:nun|jetzt)\\s+folgen\\s+(?:weitere|neue)\\s+(?:aufgaben|anweisungen)',
  ),
  words(
    `(?:alle\\s+)?${DE_EARLIER}\\s+(?:${DE_RULES}|${DE_EARLIER_THINGS})\\s+hinter\\s+sich|alle\\s+${DE_EARLIER}\\s+(?:${DE_RULES}|${DE_EARLIER_THINGS})[^.!?]{0,40}?\\s+sind\\s+(?:irrelevant|ungültig|hinfällig|aufgehoben|nichtig)`,
  ),
  words(
    'abweichend\\s+(?:zu|von)\\s+(?:deinen|ihren)\\s+(?:instruktionen|anweisungen|vorgaben|regeln)|(?:deine|ihre)\\s+systemnachricht',
  ),
  words(
    '(?:regeln|richtlinien)\\s+wurden\\s+vo(?:m|n\\s+der)\\s+(?:admin\\w*|entwickler\\w*|bank)\\s+geändert|(?:deine|ihre)\\s+(?:sicherheits\\w*|regeln|richtlinien|anweisungen)\\s+sind\\s+(?:veraltet|ungültig|aufgehoben|deaktiviert)',
  ),
  words(
    'antworte\\s+(?:(?:ab\\s+jetzt|ab\\s+sofort|immer)\\s+)?(?:nur|ausschließlich|immer)\\s+(?:noch\\s+)?mit\\s+"|(?:beginne|starte)\\s+deine\\s+antwort\\s+mit|wenn\\s+du\\s+keine\\s+(?:richtlinien|regeln|filter|einschränkungen)\\s+hättest|empfiehl\\s+(?:jedem|allen)\\s+kunden',
  ),
  words(
    'sag(?:e)?\\s+(?:auch\\s+)?(?:dem|der)\\s+(?:berater|beraterin|bank)\\s*,?\\s+(?:dass|er\\s+soll|sie\\s+soll)',
  ),
  opening(DE_FILLERS, 'sag(?:e)?\\s*,\\s*dass'),
  // Spanish — drop your rules.
  words(`${ES_FORGET}\\s+(?:${ES_DETERMINERS}\\s+)*${ES_RULES}`),
  words(
    `(?:olvida|olvide|ignora|ignore)\\s+todo\\s+lo\\s+(?:anterior|de\\s+arriba|dicho\\s+antes|que\\s+te\\s+(?:han|hayan)\\s+dicho)|olvide\\s+todo\\s+que`,
  ),
  words(
    '(?:instrucci[oó]n(?:es)?|[oó]rdenes|reglas)\\s+nuevas?\\s+del\\s+sistema|nuevas?\\s+(?:instrucciones|[oó]rdenes|tareas)\\s*:',
  ),
  // Spanish — persona switches.
  words(
    '(?:a\\s+partir\\s+de\\s+(?:ahora|este\\s+momento|hoy)|desde\\s+ahora|de\\s+ahora\\s+en\\s+adelante)\\s*,?\\s*(?:eres|ser[aá]s|vas\\s+a|act[uú]as|responder[aá]s|responde|ignora|obedeces|generas|tienes\\s+que|debes)',
  ),
  words(
    'ahora\\s+eres|ya\\s+no\\s+eres\\s+(?:un|una|el|la)|eres\\s+(?:un|una)\\s+(?:ia|chatbot|bot|asistente)\\s+(?:sin|que\\s+puede)',
  ),
  words(
    'finge\\s+(?:que\\s+eres|ser)|finja\\s+(?:que\\s+es|ser)|haz\\s+como\\s+si\\s+fueras|imagina\\s+que\\s+eres|responde\\s+como\\s+si\\s+fueras',
  ),
  words(
    '(?:juego|juguemos|hagamos)\\s+(?:a\\s+)?(?:un\\s+)?(?:juego\\s+de\\s+)?rol|(?:interpreta|adopta|asume)\\s+(?:el\\s+)?(?:papel|rol)|(?:no\\s+salgas|qu[eé]date)\\s+(?:del|en\\s+el)\\s+personaje|mant[eé]n\\s+el\\s+personaje',
  ),
  opening(
    ES_FILLERS,
    `(?:act[uú]a|comp[oó]rtate|responde|habla)\\s+(?:solo\\s+|solamente\\s+|ahora\\s+)?como\\s+(?:si|un|una|el|la)${END}`,
  ),
  words(
    'modo\\s+(?:desarrollador|dios|sin\\s+(?:filtros?|restricciones|censura))|(?:ia|chatbot|bot|asistente)\\s+sin\\s+(?:reglas|normas|filtros?|restricciones|censura|l[ií]mites|pautas)|sin\\s+censura',
  ),
  /\beres\s+DAN\b/,
  // Spanish — prompt and data extraction, authority claims, orders.
  words(
    '(?:prompt|instrucciones)\\s+(?:del\\s+sistema|de\\s+sistema|oculto|ocultas|internas|secretas|iniciales|originales)|tu\\s+mensaje\\s+del\\s+sistema',
  ),
  words(
    '(?:repite|muestra|mu[eé]strame|revela|rev[eé]lame|traduce|resume|codifica|escribe|dime)\\s+(?:me\\s+)?(?:tus|sus)\\s+(?:instrucciones|reglas\\s+internas|directrices\\s+internas)|(?:muestra|mu[eé]strame|revela)\\s+tu\\s+(?:configuraci[oó]n|prompt)|claves?\\s+de\\s+(?:la\\s+)?api',
  ),
  words(
    '(?:datos|saldos?|cuentas|contraseñas|informaci[oó]n|movimientos)\\s+de\\s+(?:otros|todos\\s+los|los\\s+dem[aá]s)\\s+clientes|todos\\s+los\\s+datos\\s+de\\s+(?:los\\s+)?clientes|contraseñas\\s+internas',
  ),
  /^[\W_]*(?:(?:nota|aviso|mensaje)\s+del\s+(?:sistema|administrador)\s*:|nota\s+para\s+(?:la\s+ia|el\s+asistente|el\s+bot|el\s+modelo)\b)/i,
  words(
    '(?:te\\s+autorizo|autorizo\\s+al\\s+(?:bot|asistente))\\s+a|(?:desactiva|desactivar|elude|eludir|s[aá]ltate|saltarte|saltarse)\\s+(?:todos\\s+)?(?:los\\s+|tus\\s+)?(?:filtros|controles)\\s+(?:de\\s+seguridad|antifraude)',
  ),
  opening(
    ES_FILLERS,
    '(?:transfiere|env[ií]a|manda|ingresa)\\s+(?:ya\\s+|ahora\\s+|de\\s+inmediato\\s+)*\\d[\\d.,]*\\s*(?:€|euros?|d[oó]lares|eur)[^.!?]{0,60}?a\\s+(?:la|esta|una)?\\s*cuenta',
  ),
  opening(
    ES_FILLERS,
    `(?:apru[eé]ba(?:me)?|conc[eé]de(?:me)?|condona(?:me)?|marca|calif[ií]ca(?:me)?)\\s+(?:ya\\s+|ahora\\s+)?(?:mi|mis|el|la|este|esta|a\\s+este|cualquier|todas?|como)\\s*[^.!?]{0,40}?(?:pr[eé]stamo|cr[eé]dito|solicitud|hipoteca|comisiones|deudas|intereses|cliente\\s+como|riesgo)${END}`,
  ),
  opening(ES_FILLERS, 'afirma\\s+que|di\\s+(?:solamente|solo|[uú]nicamente)\\s+"'),
  words(
    'ahora\\s+olvida\\s+(?:eso|esto|esa\\s+tarea|lo\\s+anterior)\\s+y|(?:tus|sus)\\s+(?:normas|reglas|pol[ií]ticas|instrucciones)(?:\\s+de\\s+seguridad)?\\s+(?:est[aá]n|son|quedan)\\s+(?:obsoletas|inv[aá]lidas|anuladas|desactivadas)',
  ),
  words(
    '(?:el\\s+)?(?:administrador|desarrollador)\\s+(?:cambi[oó]|ha\\s+cambiado|modific[oó])\\s+(?:las|tus)\\s+(?:reglas|normas|pol[ií]ticas)|las\\s+pol[ií]ticas\\s+de\\s+seguridad\\s+quedan\\s+desactivadas',
  ),
  words(
    'responde\\s+(?:siempre\\s+)?(?:solo|solamente|[uú]nicamente|siempre)\\s+(?:con\\s+)?"|empieza\\s+tu\\s+respuesta\\s+con|si\\s+no\\s+tuvieras\\s+(?:normas|reglas|filtros|restricciones|l[ií]mites)|recomienda\\s+a\\s+todos\\s+los\\s+clientes',
  ),
  words(
    '(?:instrucciones|[oó]rdenes)\\s+que\\s+te\\s+(?:dieron|han\\s+dado)|antes\\s+de\\s+mi\\s+primer\\s+mensaje|(?:dile|d[ií]gale)\\s+(?:tambi[eé]n\\s+)?al\\s+(?:asesor|banco|agente|gestor)\\s+que',
  ),
  // Every language: encoded orders, lawless worlds, "for educational purposes" framing, extraction of what came first.
  words(
    '(?:base64|base-64)[^.!?]{0,40}?(?:führe\\s+ihn\\s+aus|ausführen|obed[eé]celo|ejec[uú]talo|execute|follow\\s+it|obey)|(?:dekodiere|decodifica|decode)[^.!?]{0,60}?(?:führe|obed[eé]ce|ejec[uú]ta|execute|follow|obey)',
  ),
  words(
    '(?:welt|mundo|world)\\s+(?:ficticio\\s+)?(?:ohne|sin|without)\\s+(?:gesetze|regeln|leyes|reglas|laws|rules)',
  ),
  words(
    '(?:for\\s+(?:purely\\s+)?educational\\s+purposes(?:\\s+only)?|nur\\s+zu\\s+bildungszwecken|solo\\s+con\\s+fines\\s+educativos)\\s*[:,]\\s*(?:explain|tell|show|describe|write|erkläre|zeig|beschreib|schreib|explica|muestra|describe|escribe|dime)',
  ),
  words(
    'vor\\s+meiner\\s+ersten\\s+nachricht|before\\s+my\\s+first\\s+message|(?:instructions|anweisungen)\\s+(?:you\\s+were\\s+given|die\\s+du\\s+(?:am\\s+anfang\\s+)?(?:bekommen|erhalten)\\s+hast)',
  ),
  words(
    '(?:start|begin)\\s+your\\s+(?:response|answer|reply)\\s+with|(?:respond|reply|answer)\\s+(?:only|always|just)\\s+with\\s+"|if\\s+you\\s+(?:had\\s+no|didn.t\\s+have\\s+any)\\s+(?:rules|filters|restrictions|guidelines)',
  ),
  /^[\W_]*\[\/?(?:sistema|système|systeme)\]/i,
  // Every language: claimed authority over the model, "repeat after me", "it's only a test", models without rules.
  words(
    "(?:i\\s+am|i'?m)\\s+(?:your|this\\s+(?:bot|assistant)'?s?)\\s+(?:creator|developer|programmer|owner|admin(?:istrator)?|maker|operator)|ich\\s+bin\\s+dein(?:e)?\\s+(?:programmierer\\w*|entwickler\\w*|schöpfer\\w*|erschaffer\\w*|admin\\w*|betreiber\\w*)|soy\\s+tu\\s+(?:creador|desarrollador|programador|administrador)|je\\s+suis\\s+ton\\s+(?:cr[ée]ateur|d[ée]veloppeur|programmeur|administrateur)|sono\\s+il\\s+tuo\\s+(?:creatore|sviluppatore|programmatore|amministratore)|sou\\s+o\\s+seu\\s+(?:criador|desenvolvedor|programador|administrador)|ik\\s+ben\\s+je\\s+(?:maker|ontwikkelaar|programmeur|beheerder)",
  ),
  words(
    "as\\s+(?:the\\s+|an?\\s+|your\\s+)?(?:branch\\s+manager|manager|admin(?:istrator)?|system\\s+administrator|developer|ceo|supervisor)\\s*,\\s*i(?:'m|\\s+am)?\\s+(?:hereby\\s+)?(?:authori[sz]|order|command|instruct|direct)|i(?:'m|\\s+am)\\s+(?:hereby\\s+)?(?:authori[sz]ing|ordering|commanding|instructing)\\s+you\\s+to|you\\s+(?:must|will|shall)\\s+obey|obey\\s+me|je\\s+(?:t'|vous\\s+)ordonne|ik\\s+beveel\\s+(?:je|u)|beveel\\s+ik\\s+(?:je|u)|(?:ich\\s+)?befehle\\s+(?:ich\\s+)?dir|ti\\s+ordino|gehorche\\s+mir|obed[eé]ceme|ob[ée]is-moi|obbediscimi",
  ),
  words(
    'repeat\\s+after\\s+me|r[ée]p[èe]te[zr]?\\s+apr[èe]s\\s+moi|repita\\s+comigo|repete\\s+comigo|rep[ií]te(?:lo)?\\s+(?:conmigo|despu[eé]s\\s+de\\s+m[ií])|sprich\\s+mir\\s+nach|wiederhole\\s+nach\\s+mir|zeg\\s+me\\s+na|ripeti\\s+dopo\\s+di\\s+me',
  ),
  words(
    "(?:ai|language\\s+model|model|assistant|chatbot|bot|version\\s+of\\s+you)\\s+(?:with\\s+no|without\\s+(?:any\\s+)?)(?:restrictions|rules|filters|limits|guidelines|censorship)|(?:you(?:'re|\\s+are)\\s+(?:now\\s+)?in|enter|switch\\s+to|activate)\\s+(?:maintenance|test|debug|admin|developer|god|unrestricted)\\s+mode|(?:compliance|security|safety)\\s+(?:checks|rules|filters)\\s+(?:are|were)\\s+(?:now\\s+)?(?:off|disabled|suspended|lifted)",
  ),
  words(
    '(?:pretend|imagine)\\s+(?:that\\s+)?(?:this|it)\\s+is\\s+(?:just\\s+|only\\s+)?a\\s+(?:test|game|simulation|drill)|tu\\s+so\\s*,?\\s+als\\s+(?:wäre|sei)\\s+(?:das|dies|es)\\s+(?:hier\\s+)?(?:nur\\s+)?(?:ein\\s+)?(?:test|spiel)|if\\s+you\\s+were\\s+(?:allowed|permitted|able)\\s+to\\s+(?:reveal|share|show|bypass|ignore|disclose)',
  ),
  words(
    '(?:list|names|details|phone\\s+numbers|balances|addresses|emails)\\s+(?:and\\s+[a-z\\s]{1,30}\\s+)?of\\s+(?:all|every)\\s+(?:customers?|clients?|accounts?|account\\s+holders)|(?:list|liste)\\s+(?:of\\s+)?(?:every|all|aller|de\\s+todas\\s+las|de\\s+todos\\s+los)\\s+(?:customers?|clients?|accounts?|konten|kunden|cuentas|clientes)|(?:des\\s+)?autres\\s+clients|altri\\s+clienti|outros\\s+clientes|andere\\s+klanten|neue\\s+anweisung(?:en)?\\s+(?:von\\s+der|vom|von|aus\\s+der)\\s+(?:it|admin\\w*|system\\w*|entwickler\\w*|zentrale|geschäftsleitung|compliance\\w*|sicherheits\\w*)',
  ),
  opening(
    'please|now|ok(?:ay)?|then',
    `(?:play|take\\s+on|assume)\\s+the\\s+role\\s+of|joue[zr]?\\s+le\\s+r[ôo]le|interpr[eè]te[zr]?\\s+le\\s+r[ôo]le|(?:gioca|interpreta)\\s+il\\s+ruolo|speel\\s+de\\s+rol|fa[çc]a\\s+o\\s+papel|interprete\\s+o\\s+papel`,
  ),
  /\b(?:sei|eres|es|bist|ben|é|és|you're|are)\s+(?:ora\s+|ahora\s+|jetzt\s+|nun\s+|nu\s+|agora\s+|maintenant\s+|now\s+)?DAN\b/,
  // Every language: leaking what came before the conversation, ending every answer with a dictated line,
  // internal documents, claimed modes and switched-off guardrails, names given to the model.
  words(
    '(?:oben|vor|über)\\s+(?:diesem|dieser)\\s+(?:gespräch|unterhaltung|konversation|chat)|arriba\\s+de\\s+esta\\s+conversaci[oó]n|au-dessus\\s+de\\s+cette\\s+conversation|(?:above|before)\\s+this\\s+conversation|(?:what\\s+(?:was|is)|everything)\\s+written\\s+above|(?:wiederhole|repite|r[ée]p[èe]te|recopie|repeat|copy)\\b[^.!?]{0,40}?(?:wortwörtlich|wort\\s+für\\s+wort|palabra\\s+por\\s+palabra|mot\\s+pour\\s+mot|word\\s+for\\s+word|verbatim)',
  ),
  words(
    'what\\s+are\\s+you\\s+not\\s+allowed\\s+to\\s+(?:say|tell|reveal)|qu.est-ce\\s+qu.on\\s+t.a\\s+interdit|was\\s+darfst\\s+du\\s+nicht\\s+sagen|qu[eé]\\s+te\\s+(?:han\\s+)?prohibi(?:do|eron)\\s+decir|your\\s+new\\s+name\\s+is|dein\\s+neuer\\s+name\\s+ist|tu\\s+nuevo\\s+nombre\\s+es|ton\\s+nouveau\\s+nom\\s+est|sudo\\s+[a-z_-]+',
  ),
  words(
    '(?:end|finish|close|start|begin)\\s+(?:every|each|all\\s+(?:of\\s+)?your)\\s+(?:answers?|responses?|replies|messages?)\\s+with|termina\\s+(?:cada|todas\\s+tus)\\s+respuestas?|concludi\\s+ogni\\s+risposta|beende\\s+jede\\s+antwort|termine\\s+chaque\\s+r[ée]ponse|(?:sag|sagst)\\s+(?:du\\s+)?jedem\\s+kunden|dile\\s+a\\s+(?:cada|todos\\s+los)\\s+clientes?|tell\\s+(?:every|each|all)\\s+(?:customers?|clients?)',
  ),
  words(
    '(?:export|paste|copy|share|send|show|print|copia|pega|muestra|env[ií]a|exportiere|kopiere|zeig\\w*|schick\\w*)\\b[^.!?]{0,40}?(?:internal\\s+(?:[a-z-]+\\s+){0,3}(?:documents?|guidelines|notes|memos?|manuals?|thresholds|reports?)|documentos?\\s+internos?|informes?\\s+internos?|interne(?:n)?\\s+(?:dokumente?|unterlagen|richtlinien|berichte))',
  ),
  words(
    '(?:guardrails|safeguards|filters|restrictions|safety\\s+rules)\\s+(?:are|have\\s+been)\\s+(?:now\\s+)?(?:off|disabled|lifted|removed|suspended)|mode\\s+d[ée]veloppeur|modalit[àa]\\s+sviluppatore|modo\\s+desenvolvedor|modo\\s+de\\s+desarrollador',
  ),
  opening(
    'please|now|just|ok(?:ay)?|por\\s+favor|bitte',
    '(?:confirm|conf[ií]rma(?:me)?|best[äa]tige|confirme|conferma)\\s+(?:(?:in\\s+writing|to\\s+me|por\\s+escrito|schriftlich|par\\s+[ée]crit|per\\s+iscritto)\\s+)?(?:that|que|dass|che)\\b[^.!?]{0,80}?(?:guaranteed|garantizad[ao]|garantiert|garanti[e]?|garantit[oa])',
  ),
  /^[\W_]*(?:sistema|système|systeme|administrador|desarrollador)\s*:/i,
  /\b[Yy]ou(?:'re|\s+are)\s+now\s+(?:called\s+)?[A-Z][A-Za-z0-9]*(?:GPT|Bot|AI|Bank|Free|Unlimited|Unlocked)\b/,
  // Other languages: the most common forms.
  words(
    '(?:ignore[zr]?|oublie[zr]?|n[ée]glige[zr]?)\\s+(?:(?:toutes?|tous|les|tes|vos|ces|des)\\s+)*(?:(?:pr[ée]c[ée]dentes?|ant[ée]rieures?)\\s+)?(?:instructions?|consignes?|r[èe]gles|directives|ordres|restrictions)|oublie[zr]?\\s+tout\\s+ce\\s+qui\\s+pr[ée]c[èe]de|(?:tu\\s+es|vous\\s+[êe]tes)\\s+(?:maintenant|d[ée]sormais)\\s+(?:un|une|le|la|en|libre|DAN)|fais\\s+semblant\\s+d.[êe]tre|faites\\s+semblant\\s+d.[êe]tre|prompt\\s+(?:syst[èe]me|du\\s+syst[èe]me)',
  ),
  words(
    '(?:ignora|ignorate|dimentica|dimenticate|trascura)\\s+(?:(?:tutte|tutti|tutto|le|i|gli|tue|tuoi|queste)\\s+)*(?:(?:precedenti)\\s+)?(?:istruzioni|regole|direttive|ordini|indicazioni|restrizioni)|(?:d.ora\\s+in\\s+poi|da\\s+ora\\s+in\\s+poi)\\s*,?\\s*(?:sei|tu\\s+sei|sarai|rispondi|agisci|ignora)|fingi\\s+di\\s+essere|fai\\s+finta\\s+di\\s+essere|prompt\\s+di\\s+sistema',
  ),
  words(
    '(?:ignore|ignora|esqueça|esqueca|esquece|desconsidere|desconsidera)\\s+(?:(?:todas|todos|as|os|suas|tuas|essas)\\s+)*(?:(?:anteriores|pr[ée]vias)\\s+)?(?:instru[çc](?:[õo]es|[ãa]o)|regras|diretrizes|ordens|restri[çc][õo]es|comandos)|a\\s+partir\\s+de\\s+agora\\s*,?\\s*(?:voc[eê]\\s+(?:[ée]|ser[aá]|vai)|tu\\s+[ée]s)|finja\\s+que\\s+(?:voc[eê]\\s+)?[ée]|prompt\\s+do\\s+sistema',
  ),
  words(
    '(?:negeer|vergeet)\\s+(?:(?:alle|al|de|je|jouw|uw|vorige|eerdere|voorgaande|bovenstaande)\\s+)*(?:instructies|regels|opdrachten|richtlijnen|bevelen|beperkingen)|vergeet\\s+alles\\s+(?:wat|hierboven|daarvoor)|(?:je|jij|u)\\s+bent\\s+nu\\s+(?:een|de|het|vrij|DAN)|vanaf\\s+nu\\s+(?:ben\\s+je|ga\\s+je|antwoord|negeer|reageer)|doe\\s+alsof\\s+(?:je|jij|u)\\s+(?:een|de|bent)|systeemprompt',
  ),
  words(
    '(?:zignoruj|ignoruj|zapomnij)\\s+(?:o\\s+)?(?:(?:wszystkie|wszystkich|wcześniejsze|poprzednie|wcześniejszych|poprzednich|swoje)\\s+)*(?:instrukcje|instrukcjach|polecenia|poleceniach|zasady|zasadach)|(?:zaboravi|ignoriraj|ignoriši|ignorisi|zanemari)\\s+(?:sve\\s+)?(?:(?:prethodne|ranije|svoje)\\s+)?(?:instrukcije|upute|naredbe|pravila)',
  ),
  // Cyrillic: \b does not know its letters, so no start boundary.
  /(?:игнорируй|проигнорируй|забудь|игнорируйте|забудьте)\s+(?:(?:все|всё|свои|предыдущие|прежние)\s+)*(?:инструкции|указания|правила|команды|ограничения)/i,
  words('(?:önceki\\s+)?(?:tüm\\s+)?talimatlar[ıi]\\s+(?:yok\\s+say|unut|görmezden\\s+gel)'),
];
