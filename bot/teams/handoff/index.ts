export { HandoffSubmit, handoffCard, TeamsHandoffBridge } from './teams-handoff-bridge.ts';
