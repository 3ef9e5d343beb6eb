-- Signed-in editors of the web desk. Only the SHA-256 of the session token (the dw_desk cookie) is
-- stored, so a leaked table signs nobody in. The CSRF token is stored as is: every desk form carries
-- it, and it is worthless without the cookie. A row past expires_at authenticates nobody.
CREATE TABLE desk_session (
    token_hash TEXT PRIMARY KEY,
    editor     TEXT        NOT NULL,
    csrf_token TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX desk_session_expires ON desk_session (expires_at);
