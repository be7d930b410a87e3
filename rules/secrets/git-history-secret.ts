import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'git-history-secret',
  family: 'secrets',
  severity: 'error',
  securitySeverity: 9.0,
  title: 'Secret readable in git history',
  symptom: 'A Secret manifest or .env file was deleted, yet `git log -p` (and every clone, fork and CI cache) still shows the password',
  why:
    'Deleting a file only removes it from the next commit. Every earlier commit still holds it, so the credential ' +
    'is as leaked as if it were still in the tree, and anyone with read access can recover it in seconds.',
  fix:
    'Rotate the credential first (it must be considered compromised). Then remove it from history: ' +
    '`git filter-repo --path FILE --invert-paths` (or `--replace-text` for a single value), force-push every branch ' +
    'and tag, and ask collaborators to re-clone.',
  example: {
    bad: 'git log --oneline -- k8s/secrets.yaml\n  a1b2c3d remove secrets.yaml\n  9f8e7d6 add db secret   <- password still readable here\n',
    good: '# secret rotated, then:\ngit filter-repo --path k8s/secrets.yaml --invert-paths\ngit push --force --all && git push --force --tags\n',
  },
  peers: { gitleaks: ['git'] },
  notes:
    'Findings come from `scanGitHistory` (src/history), not from the working-tree check: kubelint runs it when the ' +
    'scan root is a git work tree (`--no-history` skips it, `--since REV` limits it, `--all-refs` adds every branch and ' +
    'tag). Every commit reachable from HEAD is read, each unique blob is scanned once with secret-plaintext, ' +
    'secret-literal-env and secret-pattern (sops-unencrypted and secret-ref-missing are about the current tree only), ' +
    'and each secret is attributed to the oldest commit that introduced it, with the other commits that carried it ' +
    'listed. One finding per secret: the fingerprint is this rule plus the SHA-256 of the value, so it is the same ' +
    'in every commit and file. Secrets still present in HEAD are reported here too (the message says so), because ' +
    'removing them from the tree does not remove them from history; the working-tree rules report the current copy. ' +
    'A shallow clone is reported as a warning naming how many commits were scanned.',
  check() {
    // History is scanned by src/history/index.ts (scanGitHistory); the workspace holds no past commits.
  },
});
