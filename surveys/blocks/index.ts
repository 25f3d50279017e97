import type { QuestionBlock } from './block.ts';
import { youthConfidence, youthMarks, youthPlacement, youthPsychosocialSkills } from './impact.ts';
import { mentorAttendance, mentorFrequency, mentorModality, youthFrequency, youthModality } from './realisations.ts';
import { mentorObjective, youthObjective } from './resultats.ts';
import { mentorRelationship, youthRelationship } from './relation.ts';

export type { BlockPage, PageGroup, QuestionBlock } from './block.ts';
export { DIMENSION } from './block.ts';
export { STOP_CATEGORY } from './resultats.ts';
export { RELATIONSHIP_BANDS, RELATIONSHIP_SCORE, relationshipBand, relationshipScore, type RelationshipBand } from './relation.ts';
export { COMMENT_MAX_LENGTH, coreClosingPage, coreNotice, coreSurveySettings } from './core.ts';

/** Every indicator question block; composition picks from here, in catalogue order. */
export const QUESTION_BLOCKS: readonly QuestionBlock[] = [
  youthFrequency,
  mentorFrequency,
  youthModality,
  mentorModality,
  mentorAttendance,
  youthRelationship,
  mentorRelationship,
  youthObjective,
  mentorObjective,
  youthConfidence,
  youthMarks,
  youthPlacement,
  youthPsychosocialSkills,
];
