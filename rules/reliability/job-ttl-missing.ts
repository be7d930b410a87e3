import { defineRule } from '../../src/engine/rule.js';
import { isPartialObject } from './kustomize.js';

/** Annotations under which a deploy tool deletes the Job itself. */
const CLEANED_BY = ['helm.sh/hook-delete-policy', 'argocd.argoproj.io/hook-delete-policy'];

export default defineRule({
  id: 'job-ttl-missing',
  family: 'reliability',
  severity: 'warning',
  title: 'A Job has no ttlSecondsAfterFinished',
  symptom: 'finished Jobs and their pods pile up forever, and re-applying the manifest after a change fails with "field is immutable" (spec.template of a Job cannot be updated) until someone deletes the old Job',
  why: 'Nothing deletes a standalone Job when it finishes. With `ttlSecondsAfterFinished` the TTL controller removes the Job and its pods, which keeps the namespace clean and lets the next apply create the Job anew.',
  fix: 'Set `spec.ttlSecondsAfterFinished` (for example 3600) on the Job. Jobs created by a CronJob are cleaned up by its history limits instead.',
  example: {
    bad: 'kind: Job\nspec:\n  template: ...',
    good: 'kind: Job\nspec:\n  ttlSecondsAfterFinished: 3600\n  template: ...',
  },
  peers: {
    kubeLinter: ['job-ttl-seconds-after-finished'],
  },
  notes: 'Only standalone `kind: Job` objects (CronJobs clean up through successfulJobsHistoryLimit/failedJobsHistoryLimit). Helm and Argo CD hooks with a hook-delete-policy annotation are skipped: the tool deletes them.',
  check(ws, report) {
    for (const job of ws.ofKind('Job')) {
      if (!job.obj.spec || typeof job.obj.spec !== 'object') continue;
      if (job.obj.spec.ttlSecondsAfterFinished != null) continue;
      if (CLEANED_BY.some((a) => job.annotations[a]) || isPartialObject(ws, job)) continue;
      report({
        at: job,
        path: ['spec'],
        target: 'key',
        message: `Job "${job.name}" does not set spec.ttlSecondsAfterFinished: it stays after it finishes, and a changed manifest cannot be re-applied over it`,
      });
    }
  },
});
