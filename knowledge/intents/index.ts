export {
  ADVISOR_INTENTS,
  BANKING77_INTENTS,
  banking77IntentId,
  INTENTS,
  type IntentDefinition,
  type IntentKind,
  intentDefinition,
} from './taxonomy.ts';
