CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`department_id` integer,
	`association_id` integer,
	`actor_user_id` integer,
	`actor_email` text,
	`action` text NOT NULL,
	`target` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_department_at_idx` ON `audit_log` (`department_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_association_at_idx` ON `audit_log` (`association_id`,`at`);--> statement-breakpoint
ALTER TABLE `departments` ADD `link_retention_days` integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE `departments` ADD `data_retention_months` integer DEFAULT 24 NOT NULL;