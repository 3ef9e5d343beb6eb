-- One unsubscribe token per subscriber, minted once by the database and put in every digest, instead
-- of a new subscriber_token row per mail (a row and an index entry per mail, growing without bound).
-- 32 bytes from two gen_random_uuid() (pg_strong_random; 244 random bits), URL-safe base64 without
-- padding: the 43 characters of Tokens.newToken(). Stored as is: every later mail must carry it, so a
-- hash alone cannot do. Per-mail tokens already mailed stay in subscriber_token and keep working.
ALTER TABLE subscriber ADD COLUMN unsubscribe_token TEXT NOT NULL
    DEFAULT rtrim(translate(encode(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
        'hex'), 'base64'), '+/', '-_'), '=');
ALTER TABLE subscriber ADD CONSTRAINT subscriber_unsubscribe_token UNIQUE (unsubscribe_token);

