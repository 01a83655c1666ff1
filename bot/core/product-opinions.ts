import type { ActorRole, AuditChannel } from '../audit/index.ts';

/** An advisor's or admin's current "interested" / "not for me" on a product for a customer. */
export interface StaffNote {
  voterId: string;
  role: ActorRole;
  channel: AuditChannel;
  accepted: boolean;
}

/** What is known about how a product was received for one customer, by whom. */
export interface ProductOpinions {
  /** The customer's own current choice (true: interested); null when they gave none. */
  customerChoice: boolean | null;
  /** How many other customers of the same segment are interested / not interested now. */
  segment: { interested: number; notInterested: number };
  /** Staff notes: never counted as customer feedback. */
  staff: StaffNote[];
}

/** Reads the opinions on a product for a customer (FeedbackPreferences provides it). */
export interface ProductOpinionSource {
  opinionsOn(customerId: string, productId: string): ProductOpinions;
}
