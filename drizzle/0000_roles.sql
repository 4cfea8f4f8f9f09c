-- Roles of docs/design.md §2, created here so a fresh embedded database and a managed one end up alike.
-- Idempotent: roles are cluster-wide and may already exist (another database, a DBA's setup).
-- Passwords are not set here: the local bootstrap sets them; in production the DBA does.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'brave_app') THEN
    CREATE ROLE brave_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'brave_public') THEN
    CREATE ROLE brave_public LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
--> statement-breakpoint
-- Nothing reaches the public schema by default (PostgreSQL < 15 granted CREATE to PUBLIC).
REVOKE ALL ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO brave_app, brave_public;
