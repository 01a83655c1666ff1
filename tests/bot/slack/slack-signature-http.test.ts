import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT } from './fake-slack-web-api.ts';
import { postCommand, postEvent, postInteraction, slackSignature } from './signed-slack-request.ts';
import { mention, nextTs, slashCommand } from './slack-payloads.ts';
import { SIGNING_SECRET, type SlackTestServer, startSlackTestServer } from './slack-test-server.ts';

describe("Slack request verification over real HTTP (Bolt's own signature check)", () => {
  let slack: SlackTestServer;
  beforeAll(async () => {
    slack = await startSlackTestServer();
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('echoes the url_verification challenge of a signed request', async () => {
    const challenge = 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P';
    const response = await postEvent(
      slack.eventsUrl,
      { token: 'legacy', challenge, type: 'url_verification' },
      slack.signing,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge });
  });

  it('rejects wrongly signed, unsigned and stale requests with 401 before anything reaches the core', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    const turnsBefore = (await fixture.audit.turns({})).length;
    const callsBefore = slackApi.calls.length;
    const attempts = [
      { label: 'wrong secret', signing: { secret: 'not-the-secret' } },
      { label: 'no signature headers', signing: { secret: SIGNING_SECRET, unsigned: true } },
      // Slack's rule, enforced by Bolt: older than five minutes is a replay.
      {
        label: 'stale timestamp',
        signing: { secret: SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 },
      },
    ];
    for (const attempt of attempts) {
      const event = mention(
        'U0ADVISOR',
        `<@${FAKE_BOT.userId}> forged (${attempt.label}) C-000042`,
        nextTs(),
      );
      const response = await postEvent(eventsUrl, event, attempt.signing);
      expect(response.status, attempt.label).toBe(401);
    }
    const forgedCommand = await postCommand(
      eventsUrl,
      slashCommand('/advise', 'U0ADVISOR', 'C-000042', slackApi.responseUrl('forged-command')),
      { secret: 'not-the-secret' },
    );
    expect(forgedCommand.status).toBe(401);
    const forgedClick = await postInteraction(
      eventsUrl,
      { type: 'block_actions', actions: [] },
      { secret: 'wrong' },
    );
    expect(forgedClick.status).toBe(401);
    const forgedChallenge = await postEvent(
      eventsUrl,
      { type: 'url_verification', challenge: 'c' },
      { secret: SIGNING_SECRET, unsigned: true },
    );
    expect(forgedChallenge.status).toBe(401);

    // A genuine request afterwards is answered; only it reached the core (the forged ones never will, as
    // Bolt drops them before dispatch).
    const genuine = nextTs();
    await postEvent(
      eventsUrl,
      mention('U0ADVISOR', `<@${FAKE_BOT.userId}> and for C-000044?`, genuine),
      signing,
    );
    await slackApi.waitFor((made) => made.method === 'chat.postMessage' && made.body.thread_ts === genuine);
    const turns = await fixture.audit.turns({});
    expect(turns.length).toBe(turnsBefore + 1);
    expect(turns.at(-1)?.question).toBe('and for C-000044?');
    // auth.test is asked lazily (on the first authorised request), so it may show up here; nothing else may.
    expect(
      slackApi.calls
        .slice(callsBefore)
        .map((made) => made.method)
        .filter((method) => method !== 'auth.test'),
    ).toEqual(['reactions.add', 'reactions.remove', 'chat.postMessage']);
  });

  it('a body changed after signing is rejected', async () => {
    const { eventsUrl } = slack;
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = JSON.stringify({ type: 'url_verification', challenge: 'original' });
    const response = await fetch(eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, signed),
      },
      body: signed.replace('original', 'tampered'),
    });
    expect(response.status).toBe(401);
  });

  it('serves only where the receiver listens: mounted elsewhere, Bolt does not match the path (404)', async () => {
    const response = await postEvent(
      `${slack.origin}/elsewhere/events`,
      { type: 'url_verification', challenge: 'x' },
      slack.signing,
    );
    expect(response.status).toBe(404);
  });
});
