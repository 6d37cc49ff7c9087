import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_MATCH_PATTERNS } from '@/lib/sites';
import { EXTENSION_DIR, expect, test } from './fixtures';

/** The built manifest asks for the narrowest permissions; a new one must be a deliberate change here. */
test('the built manifest asks only for what Engine Lens uses', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions).toEqual(['scripting', 'storage', 'alarms']);
  // Asked for when the user turns them on (notifications, a feed's origin).
  expect(manifest.optional_permissions).toEqual(['notifications']);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  expect(manifest.host_permissions).toEqual([...DEFAULT_MATCH_PATTERNS]);
  expect(manifest.host_permissions.every((p: string) => p.startsWith('https://'))).toBe(true);
  // No static content scripts (they are registered at run time for the enabled sites),
  // no loosened CSP, and only the card's team-pick frame exposed to web pages, through a dynamic URL.
  expect(manifest.content_scripts).toBeUndefined();
  expect(manifest.content_security_policy).toBeUndefined();
  expect(manifest.web_accessible_resources).toEqual([
    { resources: ['team-pick.html'], matches: ['https://*/*'], use_dynamic_url: true },
  ]);
  expect(manifest.commands['open-card'].suggested_key.default).toBe('Alt+Shift+E');
  for (const size of ['16', '32', '48', '128']) expect(fs.existsSync(path.join(EXTENSION_DIR, manifest.icons[size]))).toBe(true);
});
