import type { Rule } from '../../src/engine/rule.js';
import dockerfileSyntax from './dockerfile-syntax.js';
import dockerfileLatestBase from './dockerfile-latest-base.js';
import dockerfileRootUser from './dockerfile-root-user.js';
import dockerfileRequirementsNotInstalled from './dockerfile-requirements-not-installed.js';
import dockerfileSecret from './dockerfile-secret.js';

export const rules: Rule[] = [dockerfileSyntax, dockerfileLatestBase, dockerfileRootUser, dockerfileRequirementsNotInstalled, dockerfileSecret];
