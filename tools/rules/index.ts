import deprecatedAfterStabilized from './deprecated-after-stabilized.js';
import fileContent from './file-content.js';
import fileNamePattern from './file-name-pattern.js';
import fileNameSlug from './file-name-slug.js';
import fileNameSlugStyle from './file-name-slug-style.js';
import fileNameUnique from './file-name-unique.js';
import frontMatterDateQuoting from './front-matter-date-quoting.js';
import frontMatterDuplicateKey from './front-matter-duplicate-key.js';
import frontMatterFieldOrder from './front-matter-field-order.js';
import frontMatterListStyle from './front-matter-list-style.js';
import frontMatterPresent from './front-matter-present.js';
import frontMatterSchema from './front-matter-schema.js';
import frontMatterStatusDates from './front-matter-status-dates.js';
import frontMatterYaml from './front-matter-yaml.js';
import historyDatesMatchCommits from './history-dates-match-commits.js';
import historyNumberUnique from './history-number-unique.js';
import historyOnceStable from './history-once-stable.js';
import historyStableNotDeleted from './history-stable-not-deleted.js';
import lifecycleConformanceTests from './lifecycle-conformance-tests.js';
import lifecycleNoDeletion from './lifecycle-no-deletion.js';
import lifecycleNumberAssignment from './lifecycle-number-assignment.js';
import lifecycleNumberUnchanged from './lifecycle-number-unchanged.js';
import lifecycleOneNewDocument from './lifecycle-one-new-document.js';
import lifecyclePredecessorUntouched from './lifecycle-predecessor-untouched.js';
import lifecycleReplacedByStable from './lifecycle-replaced-by-stable.js';
import lifecycleReplacesPredecessor from './lifecycle-replaces-predecessor.js';
import lifecycleSlugUnchanged from './lifecycle-slug-unchanged.js';
import lifecycleStabilizedAtUnchanged from './lifecycle-stabilized-at-unchanged.js';
import lifecycleStableBodyEdit from './lifecycle-stable-body-edit.js';
import lifecycleStatusTransition from './lifecycle-status-transition.js';
import lifecycleTransitionDates from './lifecycle-transition-dates.js';
import linkDocumentExists from './link-document-exists.js';
import linkFragmentExists from './link-fragment-exists.js';
import lintDirectiveValid from './lint-directive-valid.js';
import noSelfReference from './no-self-reference.js';
import numberMatchesFrontMatter from './number-matches-front-matter.js';
import proposalDraftV1 from './proposal-draft-v1.js';
import referenceExists from './reference-exists.js';
import referenceMaturity from './reference-maturity.js';
import replacesEarlierVersion from './replaces-earlier-version.js';
import replacesReciprocal from './replaces-reciprocal.js';
import replacesRequired from './replaces-required.js';
import type { Rule, RuleDefinition, ScopeRuleDefinition } from './rule.js';
import scopeIdsUnique from './scope-ids-unique.js';
import scopeIncludesStable from './scope-includes-stable.js';
import scopeModuleDocumentExists from './scope-module-document-exists.js';
import scopeReferences from './scope-references.js';
import scopeSchema from './scope-schema.js';
import scopeTimeline from './scope-timeline.js';
import scopeTimelineOrder from './scope-timeline-order.js';
import scopeYaml from './scope-yaml.js';
import sectionsRecommended from './sections-recommended.js';
import sectionsOrder from './sections-order.js';
import sectionsRequired from './sections-required.js';
import supplementNumber from './supplement-number.js';
import templatePlaceholder from './template-placeholder.js';
import trackConsistent from './track-consistent.js';
import trackMatchesNumber from './track-matches-number.js';
import typeMatchesFileName from './type-matches-file-name.js';

/** Every rule, keyed by id (its file name), sorted. */
const definitions: Record<string, RuleDefinition<unknown> | ScopeRuleDefinition<unknown>> = {
  'deprecated-after-stabilized': deprecatedAfterStabilized,
  'file-content': fileContent,
  'file-name-pattern': fileNamePattern,
  'file-name-slug': fileNameSlug,
  'file-name-slug-style': fileNameSlugStyle,
  'file-name-unique': fileNameUnique,
  'front-matter-date-quoting': frontMatterDateQuoting,
  'front-matter-duplicate-key': frontMatterDuplicateKey,
  'front-matter-field-order': frontMatterFieldOrder,
  'front-matter-list-style': frontMatterListStyle,
  'front-matter-present': frontMatterPresent,
  'front-matter-schema': frontMatterSchema,
  'front-matter-status-dates': frontMatterStatusDates,
  'front-matter-yaml': frontMatterYaml,
  'history-dates-match-commits': historyDatesMatchCommits,
  'history-number-unique': historyNumberUnique,
  'history-once-stable': historyOnceStable,
  'history-stable-not-deleted': historyStableNotDeleted,
  'lifecycle-conformance-tests': lifecycleConformanceTests,
  'lifecycle-no-deletion': lifecycleNoDeletion,
  'lifecycle-number-assignment': lifecycleNumberAssignment,
  'lifecycle-number-unchanged': lifecycleNumberUnchanged,
  'lifecycle-one-new-document': lifecycleOneNewDocument,
  'lifecycle-predecessor-untouched': lifecyclePredecessorUntouched,
  'lifecycle-replaced-by-stable': lifecycleReplacedByStable,
  'lifecycle-replaces-predecessor': lifecycleReplacesPredecessor,
  'lifecycle-slug-unchanged': lifecycleSlugUnchanged,
  'lifecycle-stabilized-at-unchanged': lifecycleStabilizedAtUnchanged,
  'lifecycle-stable-body-edit': lifecycleStableBodyEdit,
  'lifecycle-status-transition': lifecycleStatusTransition,
  'lifecycle-transition-dates': lifecycleTransitionDates,
  'link-document-exists': linkDocumentExists,
  'link-fragment-exists': linkFragmentExists,
  'lint-directive-valid': lintDirectiveValid,
  'no-self-reference': noSelfReference,
  'number-matches-front-matter': numberMatchesFrontMatter,
  'proposal-draft-v1': proposalDraftV1,
  'reference-exists': referenceExists,
  'reference-maturity': referenceMaturity,
  'replaces-earlier-version': replacesEarlierVersion,
  'replaces-reciprocal': replacesReciprocal,
  'replaces-required': replacesRequired,
  'scope-ids-unique': scopeIdsUnique,
  'scope-includes-stable': scopeIncludesStable,
  'scope-module-document-exists': scopeModuleDocumentExists,
  'scope-references': scopeReferences,
  'scope-schema': scopeSchema,
  'scope-timeline': scopeTimeline,
  'scope-timeline-order': scopeTimelineOrder,
  'scope-yaml': scopeYaml,
  'sections-order': sectionsOrder,
  'sections-recommended': sectionsRecommended,
  'sections-required': sectionsRequired,
  'supplement-number': supplementNumber,
  'template-placeholder': templatePlaceholder,
  'track-consistent': trackConsistent,
  'track-matches-number': trackMatchesNumber,
  'type-matches-file-name': typeMatchesFileName,
};

export const rules: readonly Rule[] = Object.entries(definitions).map(([id, definition]) => ({ id, ...definition }));

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
