ALTER TABLE `links` ADD `language` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `language` text DEFAULT 'fr' NOT NULL;