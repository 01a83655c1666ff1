// A recording sender stands in for TurnContext (Microsoft's connector cannot be reached from here); the stream's
// own sequencing, coalescing and replace rules are what is under test.
import type { Activity, ResourceResponse } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { TeamsReplyStream } from '../../../bot/teams/index.ts';

function recordingSender() {
  const sent: Partial<Activity>[] = [];
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  return {
    sent,
    /** Holds the next sends until `open()`: a slow connector, so later pieces pile up behind one in flight. */
    hold() {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    open() {
      release?.();
      gate = undefined;
    },
    async sendActivity(activity: Partial<Activity>): Promise<ResourceResponse> {
      sent.push(activity);
      if (gate) await gate;
      return { id: `activity-${sent.length}` };
    },
  };
}

const info = (activity: Partial<Activity> | undefined) => activity?.entities?.[0] as Record<string, unknown>;

describe('TeamsReplyStream', () => {
  it('informative, then growing text with rising sequence numbers and the first id as stream id, then final', async () => {
    const sender = recordingSender();
    const stream = new TeamsReplyStream(sender, { minIntervalMs: 0 });
    stream.informative('Reading your question…');
    await stream.settled();
    sender.hold();
    stream.append('First sentence. ');
    // While that update is in flight, two more sentences arrive: they go out together as one update.
    await new Promise((resolve) => setImmediate(resolve));
    stream.append('Second sentence. ');
    stream.append('Third.');
    sender.open();
    await stream.settled();
    const ids = await stream.finish({ text: 'First sentence. Second sentence. Third.' });

    expect(sender.sent.map((activity) => [activity.type, activity.text])).toEqual([
      ['typing', 'Reading your question…'],
      ['typing', 'First sentence. '],
      ['typing', 'First sentence. Second sentence. Third.'],
      ['message', 'First sentence. Second sentence. Third.'],
    ]);
    expect(sender.sent.map(info)).toEqual([
      { type: 'streaminfo', streamType: 'informative', streamSequence: 1 },
      { type: 'streaminfo', streamType: 'streaming', streamSequence: 2, streamId: 'activity-1' },
      { type: 'streaminfo', streamType: 'streaming', streamSequence: 3, streamId: 'activity-1' },
      { type: 'streaminfo', streamType: 'final', streamId: 'activity-1' },
    ]);
    expect(sender.sent[3]?.channelData).toEqual({ streamType: 'final', streamId: 'activity-1' });
    expect(ids).toEqual(['activity-1', 'activity-4']);
  });

  it('after replace no streaming update is sent (it would not extend the last); the final carries the new text', async () => {
    const sender = recordingSender();
    const stream = new TeamsReplyStream(sender, { minIntervalMs: 0 });
    stream.append('Good sentence. ');
    await stream.settled();
    stream.replace('The repaired answer.');
    stream.append(' And one more.');
    await stream.finish({ text: 'The repaired answer. And one more.' });
    expect(sender.sent.map((activity) => [info(activity)?.streamType, activity.text])).toEqual([
      ['streaming', 'Good sentence. '],
      ['final', 'The repaired answer. And one more.'],
    ]);
  });

  it('progress after the answer has begun is ignored, and consecutive sends wait out the minimum interval', async () => {
    const sender = recordingSender();
    let clock = 0;
    const waits: number[] = [];
    const stream = new TeamsReplyStream(sender, {
      minIntervalMs: 1_000,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    stream.informative('Reading your question…');
    await stream.settled();
    clock += 300;
    stream.append('Answer. ');
    await stream.settled();
    stream.informative('Writing…');
    await stream.finish({ text: 'Answer.' });
    expect(sender.sent.map((activity) => activity.text)).toEqual([
      'Reading your question…',
      'Answer. ',
      'Answer.',
    ]);
    expect(waits).toEqual([700, 1_000]);
  });

  it('updates still queued when the stream finishes are skipped: the final message carries the whole text', async () => {
    const sender = recordingSender();
    const stream = new TeamsReplyStream(sender, { minIntervalMs: 0 });
    stream.append('One. ');
    stream.append('Two.');
    await stream.finish({ text: 'One. Two.' });
    expect(sender.sent.map((activity) => [info(activity)?.streamType, activity.text])).toEqual([
      ['final', 'One. Two.'],
    ]);
  });

  it('a stream never opened reports so, and finishing it sends one plain final message', async () => {
    const sender = recordingSender();
    const stream = new TeamsReplyStream(sender, { minIntervalMs: 0 });
    expect(stream.started).toBe(false);
    expect(await stream.finish({ text: 'Done.' })).toEqual(['activity-1']);
    expect(info(sender.sent[0])).toEqual({ type: 'streaminfo', streamType: 'final' });
  });
});
