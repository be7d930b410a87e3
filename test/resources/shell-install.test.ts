import { describe, expect, it } from 'vitest';
import { findPackageInstalls, splitScript } from '../../rules/resources/shell-install.js';

const displays = (argv: string[]) => findPackageInstalls(argv).map((h) => h.display);

describe('findPackageInstalls', () => {
  it.each([
    [['sh', '-c', 'apk add --no-cache curl && exec /app/run'], 'apk add --no-cache curl'],
    [['/bin/bash', '-ec', 'apt-get update; apt-get -y install jq'], 'apt-get -y install jq'],
    [['bash', '-c', 'apt-get -o Dpkg::Options::=--force-confnew install -y tzdata'], 'apt-get -o Dpkg::Options::=--force-confnew install -y tzdata'],
    [['sh', '-c', 'sudo apt install -y git'], 'apt install -y git'],
    [['sh', '-c', 'yum install -y nc'], 'yum install -y nc'],
    [['sh', '-c', 'dnf -y install nc'], 'dnf -y install nc'],
    [['sh', '-c', 'microdnf install -y tar'], 'microdnf install -y tar'],
    [['sh', '-c', 'zypper in -y curl'], 'zypper in -y curl'],
    [['pip', 'install', 'flask'], 'pip install flask'],
    [['/usr/local/bin/pip3', 'install', '-r', 'requirements.txt'], '/usr/local/bin/pip3 install -r requirements.txt'],
    [['python3', '-m', 'pip', 'install', 'requests'], 'python3 -m pip install requests'],
    [['sh', '-c', 'cd /app && npm install && npm start'], 'npm install'],
    [['sh', '-c', 'npm i -g pm2'], 'npm i -g pm2'],
    [['sh', '-c', 'PIP_NO_CACHE_DIR=1 pip install x'], 'pip install x'],
    [['sh', '-c', 'if [ ! -x /usr/bin/jq ]; then apk add jq; fi'], 'apk add jq'],
    [['sh', '-c', 'exec sh -c "apk add curl"'], 'apk add curl'],
    [['sh', '-c', 'set -e\napt-get update \\\n  && apt-get install -y \\\n     curl'], 'apt-get install -y curl'],
  ])('finds the install in %j', (argv, display) => {
    expect(displays(argv)).toEqual([display]);
  });

  it('takes args after the command, the way the container runs them', () => {
    expect(displays(['/bin/sh', '-c', 'pip install -r r.txt && python app.py'])).toEqual(['pip install -r r.txt']);
    const hits = findPackageInstalls(['/bin/sh', '-c', 'echo start\napk add curl']);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ element: 2, commandWord: 'apk' });
    expect(hits[0].offset).toBe('echo start\n'.length);
  });

  it('finds several installs in one script', () => {
    expect(displays(['sh', '-c', 'apk add py3-pip && pip install httpie'])).toEqual(['apk add py3-pip', 'pip install httpie']);
  });

  it.each([
    [['sh', '-c', 'npm ci && npm start']],
    [['sh', '-c', 'apt-get update']],
    [['sh', '-c', 'pip install --no-index --find-links /wheels app']],
    [['sh', '-c', 'npm install --offline']],
    [['sh', '-c', 'echo "run apk add curl first"']],
    [['sh', '-c', "echo 'pip install x'"]],
    [['sh', '-c', '# apk add curl\nexec /app']],
    [['/app/server', '--install-dir', '/data']],
    [['apk', 'info']],
    [['pip', 'freeze']],
    [['sh', '-c']],
    [['python', 'manage.py', 'install']],
  ])('ignores %j', (argv) => {
    expect(findPackageInstalls(argv)).toEqual([]);
  });
});

describe('splitScript', () => {
  it('splits on separators and keeps quoted words whole', () => {
    const cmds = splitScript(`a "b c" 'd;e' && f | g; h $(i j) \`k\``).map((c) => c.map((w) => w.text));
    expect(cmds).toEqual([['a', 'b c', 'd;e'], ['f'], ['g'], ['h'], ['i', 'j'], ['k']]);
  });

  it('records where each word starts', () => {
    const [cmd] = splitScript('  apk   add x');
    expect(cmd.map((w) => w.start)).toEqual([2, 8, 12]);
  });
});
