ALTER TABLE `users` ADD `password_link_hash` text;--> statement-breakpoint
ALTER TABLE `users` ADD `password_link_expires_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `password_link_reason` text;--> statement-breakpoint
ALTER TABLE `users` ADD `password_link_created_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `password_link_created_by` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `users_password_link_uq` ON `users` (`password_link_hash`);