import { describe, expect, it } from 'vitest';
import { configFor, creationRuleFor, nameSaysEncrypted, parseSopsConfig, shouldEncrypt } from '../../src/secrets/sops.js';

describe('SOPS rules', () => {
  const config = parseSopsConfig({
    path: 'deploy/.sops.yaml',
    text: 'creation_rules:\n  - path_regex: secrets/.*\\.yaml$\n    encrypted_regex: ^(data|stringData)$\n  - path_regex: \\.env$\n  - age: age1xyz\n',
  })!;

  it('matches path_regex against the path relative to the .sops.yaml, first rule wins', () => {
    expect(config.dir).toBe('deploy');
    expect(creationRuleFor('deploy/secrets/db.yaml', config)?.index).toBe(0);
    expect(creationRuleFor('deploy/prod.env', config)?.index).toBe(1);
    expect(creationRuleFor('deploy/values.yaml', config)?.index).toBe(2);
    expect(creationRuleFor('deploy/values.yaml', config)?.path_regex).toBeUndefined();
  });

  it('uses the nearest .sops.yaml above a file', () => {
    const root = parseSopsConfig({ path: '.sops.yaml', text: 'creation_rules:\n  - path_regex: .*\n' })!;
    expect(configFor('deploy/secrets/db.yaml', [root, config])).toBe(config);
    expect(configFor('other/x.yaml', [root, config])).toBe(root);
  });

  it('knows the encrypted file names', () => {
    expect(nameSaysEncrypted('k8s/secrets.enc.yaml')).toBe(true);
    expect(nameSaysEncrypted('app.sops.json')).toBe(true);
    expect(nameSaysEncrypted('prod.sops.env')).toBe(true);
    expect(nameSaysEncrypted('.sops.yaml')).toBe(false);
    expect(nameSaysEncrypted('encoder.yaml')).toBe(false);
  });

  it('decides which keys are encrypted as sops does', () => {
    expect(shouldEncrypt(['stringData', 'password'], {})).toBe(true);
    expect(shouldEncrypt(['host_unencrypted'], {})).toBe(false);
    expect(shouldEncrypt(['stringData', 'password'], { encrypted_regex: '^(data|stringData)$' })).toBe(true);
    expect(shouldEncrypt(['metadata', 'name'], { encrypted_regex: '^(data|stringData)$' })).toBe(false);
    expect(shouldEncrypt(['db', 'password'], { unencrypted_regex: '^(host|port)$' })).toBe(true);
    expect(shouldEncrypt(['db', 'host'], { unencrypted_regex: '^(host|port)$' })).toBe(false);
    expect(shouldEncrypt(['token_secret'], { encrypted_suffix: '_secret' })).toBe(true);
    expect(shouldEncrypt(['region'], { encrypted_suffix: '_secret' })).toBe(false);
    // With another selector set, the default _unencrypted suffix no longer applies.
    expect(shouldEncrypt(['data', 'x_unencrypted'], { encrypted_regex: '^data$' })).toBe(true);
  });

  it('ignores a .sops.yaml without creation rules or that is not YAML', () => {
    expect(parseSopsConfig({ path: '.sops.yaml', text: 'destination_rules: []\n' })).toBeUndefined();
    expect(parseSopsConfig({ path: '.sops.yaml', text: 'creation_rules: [\n' })).toBeUndefined();
  });
});
