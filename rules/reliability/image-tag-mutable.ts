import { defineRule } from '../../src/engine/rule.js';
import { isTemplated, parseImage } from '../../src/workspace/images.js';
import { kustomizationsOf } from './kustomize.js';

export default defineRule({
  id: 'image-tag-mutable',
  family: 'reliability',
  severity: 'warning',
  title: 'A container image has no tag or uses :latest',
  symptom: 'two pods of the same Deployment run different code, a restart silently upgrades (or breaks) the app, and `kubectl rollout undo` cannot go back to what ran before',
  why: 'Without a tag the runtime pulls `:latest`, which moves whenever someone pushes. Nodes cache whatever they pulled first, so replicas drift apart, and the manifest no longer says what is running. Kubernetes also defaults `imagePullPolicy` to Always for :latest, so every start depends on the registry.',
  fix: 'Pin a version tag (`registry.example.com/shop/web:1.4.2`), ideally with its digest (`...:1.4.2@sha256:...`), and change it to deploy.',
  example: {
    bad: 'image: registry.example.com/shop/web:latest',
    good: 'image: registry.example.com/shop/web:1.4.2',
  },
  peers: {
    kubeLinter: ['latest-tag'],
    polaris: ['tagNotSpecified'],
    kubeScore: ['container-image-tag'],
  },
  notes: 'An image pinned by digest is fine whatever its tag. Images holding a placeholder (`${TAG}`, `{{ }}`, `$(VAR)`) and images whose tag a kustomization of the scan sets (`images: [{ name, newTag }]`) are skipped.',
  check(ws, report) {
    for (const c of ws.containers) {
      const image = c.image.trim();
      if (!image || isTemplated(image)) continue;
      const ref = parseImage(image);
      if (ref.digest) continue;
      const tag = ref.tag?.toLowerCase();
      if (tag !== undefined && tag !== '' && tag !== 'latest') continue;
      if (kustomizationsOf(ws, c.unit.file.path).some((k) => k.pinnedImages.has(ref.path))) continue;
      report({
        at: c,
        path: ['image'],
        message: `container "${c.name}" of ${c.template.owner.kind} "${c.template.owner.name}" uses image "${image}" ${tag === 'latest' ? 'with the mutable tag :latest' : 'without a tag (it pulls :latest)'}`,
      });
    }
  },
});
