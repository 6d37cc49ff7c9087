import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureFeedAlarm, FEED_ALARM } from '@/entrypoints/background/feeds';
import { updateSettings } from '@/entrypoints/background/settings-store';

beforeEach(() => fakeBrowser.reset());

describe('the scheduled feed check (alarms)', () => {
  it('does not exist while no feed is configured', async () => {
    await ensureFeedAlarm();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('is created when a feed is set, every refreshHours (24 h by default)', async () => {
    await updateSettings({ sources: { datasetFeedUrl: 'https://feeds.example.com/d.json' } });
    await ensureFeedAlarm();
    expect(await fakeBrowser.alarms.get(FEED_ALARM)).toMatchObject({ name: FEED_ALARM, periodInMinutes: 24 * 60 });
  });

  it('is created only when missing: an existing alarm is left alone (its next run is not pushed back)', async () => {
    await updateSettings({ sources: { datasetFeedUrl: 'https://feeds.example.com/d.json' } });
    await ensureFeedAlarm();
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await ensureFeedAlarm();
    await ensureFeedAlarm();
    expect(create).not.toHaveBeenCalled();
  });

  it('is created again after an update or restart cleared it', async () => {
    await updateSettings({ sources: { teamFeedUrls: ['https://team.example.com/pins.json'] } });
    await ensureFeedAlarm();
    await fakeBrowser.alarms.clearAll(); // what an extension update does
    await ensureFeedAlarm();
    expect(await fakeBrowser.alarms.get(FEED_ALARM)).toBeDefined();
  });

  it('follows a new interval, and goes when the last feed is removed', async () => {
    await updateSettings({ sources: { datasetFeedUrl: 'https://feeds.example.com/d.json' } });
    await ensureFeedAlarm();
    await updateSettings({ preferences: { refreshHours: 6 } });
    await ensureFeedAlarm();
    expect((await fakeBrowser.alarms.get(FEED_ALARM))?.periodInMinutes).toBe(6 * 60);
    await updateSettings({ sources: { datasetFeedUrl: null } });
    await ensureFeedAlarm();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});
