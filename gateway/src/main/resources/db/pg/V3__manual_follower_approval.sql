-- Accounts and channels that approve each follower themselves (the Site API's manuallyApprovesFollowers).
ALTER TABLE local_actor ADD COLUMN manually_approves_followers boolean NOT NULL DEFAULT false;
