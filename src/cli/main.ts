// Command-line entry: parse arguments, dispatch, map every failure to exit status 2.
import fs from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { KubelintError } from '../errors.js';
import type { ScanFlags } from './scan-command.js';

const collect = (value: string, previous: string[]) => [...previous, value];

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('kubelint')
    .description('Catch Kubernetes deployment failures before they reach a cluster.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('scan')
    .description('scan manifests, charts, Dockerfiles, workflows, env files and git history')
    .argument('[paths...]', 'files or folders to scan, or - for stdin', [])
    .addOption(new Option('-f, --format <format>', 'pretty|json|sarif|github|html, or FORMAT=FILE; repeatable').argParser(collect).default([]))
    .option('-o, --output <file>', 'write the (first) report to a file')
    .option('-c, --config <file>', 'configuration file (default: .kubelint.yaml found upward)')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that exits 1').choices(['error', 'warning', 'info', 'none']))
    .option('--rule <id>', 'run only this rule; repeatable', collect, [])
    .option('--disable <id>', 'do not run this rule; repeatable', collect, [])
    .option('--history', 'scan git history for secrets (default when the root is a git work tree)')
    .option('--no-history', 'do not scan git history')
    .option('--staged', 'scan only what is staged in git (pre-commit)')
    .option('--since <rev>', 'history scan starts after this revision (or date)')
    .option('--all-refs', 'scan the history of every branch and tag, not only HEAD')
    .option('--changed-since <rev>', 'report only findings in files that differ from this revision (pull requests)')
    .option('--baseline <file>', 'do not report findings recorded in this baseline')
    .option('--kube-version <x.y>', 'Kubernetes version for schemas and deprecations')
    .option('--target-arch <list>', 'node architectures, e.g. amd64,arm64')
    .option('--values <file>', 'Helm values file; repeatable', collect, [])
    .option('--set <key=value>', 'Helm value override; repeatable', collect, [])
    .action(async (paths: string[], flags: ScanFlags) => {
      // A folder may hold enough YAML for parse workers: start them while the scan modules load.
      const workers = !flags.staged && paths.some((p) => p !== '-' && isDirectory(p)) ? await import('../sources/parallel.js') : undefined;
      workers?.prestartParseWorkers();
      try {
        // Commands load their modules on demand: `--version` and `--help` stay instant.
        const { runScanCommand } = await import('./scan-command.js');
        setExit(await runScanCommand(paths, flags));
      } finally {
        // A scan that failed before it needed them leaves them idle.
        workers?.releaseParseWorkers();
      }
    });

  program
    .command('rules')
    .description('list every rule, with those that plugins and customRules in config add')
    .addOption(new Option('--format <format>', 'table or json').default('table'))
    .option('-c, --config <file>', 'configuration file (default: .kubelint.yaml found upward from the current folder)')
    .action(async (flags: { format: string; config?: string }) => {
      const { configuredRules, reportRuleErrors } = await import('../plugins/cli.js');
      const { rules, errors } = await configuredRules(flags.config);
      setExit(reportRuleErrors(errors));
      const { rulesCommand } = await import('./info-commands.js');
      process.stdout.write(rulesCommand(flags.format, rules));
    });

  program
    .command('explain')
    .description('what a rule catches, why it matters and how to fix it')
    .argument('<id>', 'rule id')
    .option('-c, --config <file>', 'configuration file (default: .kubelint.yaml found upward from the current folder)')
    .action(async (id: string, flags: { config?: string }) => {
      const { configuredRules, reportRuleErrors } = await import('../plugins/cli.js');
      const { rules, errors } = await configuredRules(flags.config);
      // Errors first: a rule of a plugin that failed to load is then "unknown" for a reason.
      setExit(reportRuleErrors(errors));
      const { explainCommand } = await import('./info-commands.js');
      process.stdout.write(explainCommand(id, rules));
    });

  program
    .command('init')
    .description('write a commented .kubelint.yaml in the current folder')
    .action(async () => {
      const { initCommand } = await import('./info-commands.js');
      process.stdout.write(initCommand(process.cwd()));
    });

  program
    .command('baseline')
    .description('create or prune a baseline of accepted findings')
    .argument('<action>', 'create or prune')
    .argument('[path]', 'folder to scan', '.')
    .option('--baseline <file>', 'baseline file (default: .kubelint-baseline.json in the scan root)')
    .option('-c, --config <file>', 'configuration file')
    .action(async (action: string, target: string, flags: { baseline?: string; config?: string }) => {
      const { baselineCommand } = await import('./baseline-command.js');
      process.stdout.write(await baselineCommand(action, target, flags));
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof KubelintError) {
      process.stderr.write(`kubelint: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`kubelint: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 2;
  }
}
