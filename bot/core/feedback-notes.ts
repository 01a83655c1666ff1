import type { ProductOpinions, StaffNote } from './product-opinions.ts';
import type { Actor } from './roles.ts';

/**
 * The card lines that say whose feedback a product has had, worded for the reader: a customer reads their own
 * choice ("You marked this as interested") and their peers' ("2 customers with a profile like yours were
 * interested"); staff read the customer's choice by id, the segment's counts, their own note ("You marked this as
 * interested") and other staff's notes ("An advisor marked this as interested"). Staff notes are the bank's
 * internal record, not evidence about the product, so customers never see them.
 */
export function feedbackNotes(opinions: ProductOpinions, reader: Actor, customerId: string): string[] {
  const notes: string[] = [];
  const staffReader = reader.role !== 'customer';
  if (opinions.customerChoice !== null) {
    notes.push(
      staffReader
        ? `${customerId} marked this as ${opinions.customerChoice ? 'interested' : 'not for them'}`
        : `You marked this as ${opinions.customerChoice ? 'interested' : 'not for you'}`,
    );
  }
  const peers = staffReader ? 'in this segment' : 'with a profile like yours';
  const { interested, notInterested } = opinions.segment;
  if (interested > 0)
    notes.push(`${customers(interested)} ${peers} ${interested === 1 ? 'was' : 'were'} interested`);
  if (notInterested > 0) notes.push(`${customers(notInterested)} ${peers} said it was not for them`);
  if (!staffReader) return notes;
  const own = opinions.staff.find((note) => isReader(note, reader));
  if (own) notes.push(`You marked this as ${own.accepted ? 'interested' : `not for ${customerId}`}`);
  for (const role of ['advisor', 'admin'] as const) {
    for (const accepted of [true, false]) {
      const count = opinions.staff.filter(
        (note) => note.role === role && note.accepted === accepted && !isReader(note, reader),
      ).length;
      if (count === 0) continue;
      const who = count === 1 ? `An ${role}` : `${count} ${role}s`;
      notes.push(`${who} marked this as ${accepted ? 'interested' : `not for ${customerId}`}`);
    }
  }
  return notes;
}

function customers(count: number): string {
  return `${count} ${count === 1 ? 'customer' : 'customers'}`;
}

function isReader(note: StaffNote, reader: Actor): boolean {
  return note.voterId === reader.userId && note.role === reader.role && note.channel === reader.channel;
}
