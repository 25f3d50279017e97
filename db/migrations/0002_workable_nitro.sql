CREATE TABLE `reporting_calendars` (
	`department_id` integer PRIMARY KEY NOT NULL,
	`rhythm` text DEFAULT 'mensuel' NOT NULL,
	`due_day` integer DEFAULT 1 NOT NULL,
	`reminder_lead_days` integer DEFAULT 5 NOT NULL,
	`reminders_enabled` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reporting_confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`association_id` integer NOT NULL,
	`period` text NOT NULL,
	`due_on` text NOT NULL,
	`confirmed_at` integer NOT NULL,
	`confirmed_by` integer,
	`difficulties` text DEFAULT '' NOT NULL,
	`presentations` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reporting_confirmations_uq` ON `reporting_confirmations` (`department_id`,`association_id`,`period`);--> statement-breakpoint
CREATE INDEX `reporting_confirmations_period_idx` ON `reporting_confirmations` (`department_id`,`period`);--> statement-breakpoint
CREATE TABLE `reporting_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`association_id` integer NOT NULL,
	`period` text NOT NULL,
	`due_on` text NOT NULL,
	`channel` text NOT NULL,
	`state` text NOT NULL,
	`recipients` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 1 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reporting_reminders_uq` ON `reporting_reminders` (`department_id`,`association_id`,`period`);--> statement-breakpoint
CREATE INDEX `reporting_reminders_state_idx` ON `reporting_reminders` (`state`);