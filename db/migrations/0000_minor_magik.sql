CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`respondent_contact` text DEFAULT '' NOT NULL,
	`suppression_threshold` integer DEFAULT 11 NOT NULL,
	`link_expiry_days` integer DEFAULT 60 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_code_unique` ON `departments` (`code`);--> statement-breakpoint
CREATE TABLE `associations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `department_associations` (
	`department_id` integer NOT NULL,
	`association_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`department_id`, `association_id`),
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `department_associations_association_idx` ON `department_associations` (`association_id`);--> statement-breakpoint
CREATE TABLE `territories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`name` text NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `territories_department_name_uq` ON `territories` (`department_id`,`name`);--> statement-breakpoint
CREATE TABLE `list_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`group_label` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `list_values_department_kind_code_uq` ON `list_values` (`department_id`,`kind`,`code`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`department_id` integer,
	`association_id` integer,
	`display_name` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`disabled_at` integer,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_association_idx` ON `users` (`association_id`);--> statement-breakpoint
CREATE INDEX `users_department_idx` ON `users` (`department_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `young_people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`association_id` integer NOT NULL,
	`reference` text NOT NULL,
	`sex` text,
	`birth_month` text,
	`school_level` text,
	`placement_type` text,
	`territory_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `young_people_reference_uq` ON `young_people` (`department_id`,`association_id`,`reference`);--> statement-breakpoint
CREATE TABLE `mentors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`association_id` integer NOT NULL,
	`reference` text NOT NULL,
	`trained_on` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentors_reference_uq` ON `mentors` (`association_id`,`reference`);--> statement-breakpoint
CREATE TABLE `mentorships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`association_id` integer NOT NULL,
	`reference` text NOT NULL,
	`young_person_id` integer NOT NULL,
	`mentor_id` integer,
	`applied_on` text,
	`matched_on` text,
	`started_on` text,
	`ended_on` text,
	`status` text NOT NULL,
	`objective` text,
	`modality` text,
	`is_renewal` integer DEFAULT false NOT NULL,
	`closure_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentorships_reference_uq` ON `mentorships` (`department_id`,`association_id`,`reference`);--> statement-breakpoint
CREATE INDEX `mentorships_department_started_idx` ON `mentorships` (`department_id`,`started_on`);--> statement-breakpoint
CREATE INDEX `mentorships_department_ended_idx` ON `mentorships` (`department_id`,`ended_on`);--> statement-breakpoint
CREATE INDEX `mentorships_association_idx` ON `mentorships` (`association_id`,`status`);--> statement-breakpoint
CREATE TABLE `questionnaire_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`audience` text NOT NULL,
	`hash` text NOT NULL,
	`survey_json` text NOT NULL,
	`notice_json` text NOT NULL,
	`indicator_ids` text NOT NULL,
	`created_at` integer NOT NULL,
	`frozen_at` integer,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_versions_hash_uq` ON `questionnaire_versions` (`department_id`,`audience`,`hash`);--> statement-breakpoint
CREATE TABLE `links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`public_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`mentorship_id` integer NOT NULL,
	`audience` text NOT NULL,
	`questionnaire_version_id` integer NOT NULL,
	`state` text DEFAULT 'ouvert' NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer,
	`draft_json` text,
	`draft_updated_at` integer,
	FOREIGN KEY (`mentorship_id`) REFERENCES `mentorships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`questionnaire_version_id`) REFERENCES `questionnaire_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `links_public_id_unique` ON `links` (`public_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `links_token_hash_unique` ON `links` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `links_mentorship_audience_uq` ON `links` (`mentorship_id`,`audience`);--> statement-breakpoint
CREATE INDEX `links_state_idx` ON `links` (`state`,`expires_at`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`link_id` integer NOT NULL,
	`mentorship_id` integer NOT NULL,
	`questionnaire_version_id` integer NOT NULL,
	`audience` text NOT NULL,
	`declined` integer DEFAULT false NOT NULL,
	`answers_json` text NOT NULL,
	`idempotency_key` text,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`link_id`) REFERENCES `links`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentorship_id`) REFERENCES `mentorships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`questionnaire_version_id`) REFERENCES `questionnaire_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_link_id_unique` ON `responses` (`link_id`);--> statement-breakpoint
CREATE INDEX `responses_mentorship_idx` ON `responses` (`mentorship_id`);--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`mentorship_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`association_id` integer NOT NULL,
	`year` integer NOT NULL,
	`audience` text NOT NULL,
	`indicator_id` text NOT NULL,
	`dimension` text NOT NULL,
	`value` real,
	`value_text` text,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentorship_id`) REFERENCES `mentorships`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicator_values_report_idx` ON `indicator_values` (`department_id`,`year`,`indicator_id`);--> statement-breakpoint
CREATE INDEX `indicator_values_response_idx` ON `indicator_values` (`response_id`);--> statement-breakpoint
CREATE TABLE `declarations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`association_id` integer NOT NULL,
	`year` integer NOT NULL,
	`state` text DEFAULT 'brouillon' NOT NULL,
	`content` text NOT NULL,
	`submitted_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `declarations_year_uq` ON `declarations` (`department_id`,`association_id`,`year`);--> statement-breakpoint
CREATE TABLE `indicator_selections` (
	`department_id` integer NOT NULL,
	`year` integer NOT NULL,
	`indicator_id` text NOT NULL,
	`is_key` integer DEFAULT true NOT NULL,
	PRIMARY KEY(`department_id`, `year`, `indicator_id`),
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
