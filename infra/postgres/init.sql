-- One PostgreSQL 15 server for the hub, one database and one LOGIN role per partner.
--
-- Mounted into /docker-entrypoint-initdb.d/ of the postgres:15 container (docker-compose.yml).
-- The image's entrypoint runs it once, when the data directory is empty, as the superuser,
-- connected to the `postgres` database, with `psql -v ON_ERROR_STOP=1 -f`. Changing it later
-- does nothing to an existing volume: alter that server by hand, or (dev only) drop the volume
-- with `docker compose down -v`.
--
-- One block per partner; `hub new <partner>` appends a new partner's block after the last
-- one, the same way.
--
-- Isolation: every partner role owns its own database and nothing else, has no attribute beyond
-- LOGIN, and PUBLIC loses CONNECT on every database, so a partner role can connect to its own
-- database only. test/src/infra/dockerCompose.test.ts parses this file and checks that.
--
-- Passwords come from the postgres container's environment, one variable per partner:
--   <PREFIX>_DB_PASSWORD, e.g. MUNICIPALITY_DB_PASSWORD, HOUSING_ASSOCIATION_DB_PASSWORD
-- docker-compose.yml passes them, with dev-only defaults. psql's \getenv (PostgreSQL 15+) reads
-- each into a psql variable and :'name' inserts it as a properly quoted SQL literal. There is no
-- default in this file on purpose: a missing password stops the initialisation with an error.

-- The maintenance databases are for the superuser only.
REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE template1 FROM PUBLIC;

-- municipality -------------------------------------------------------------------------------
\getenv municipality_password MUNICIPALITY_DB_PASSWORD
\if :{?municipality_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'MUNICIPALITY_DB_PASSWORD is not set in the postgres container'; END $$;
\endif
CREATE ROLE hub_municipality WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'municipality_password';
CREATE DATABASE hub_municipality WITH OWNER hub_municipality;
REVOKE CONNECT, TEMPORARY ON DATABASE hub_municipality FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE hub_municipality TO hub_municipality;
\unset municipality_password

-- housing-association ------------------------------------------------------------------------
\getenv housing_association_password HOUSING_ASSOCIATION_DB_PASSWORD
\if :{?housing_association_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'HOUSING_ASSOCIATION_DB_PASSWORD is not set in the postgres container'; END $$;
\endif
CREATE ROLE hub_housing_association WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'housing_association_password';
CREATE DATABASE hub_housing_association WITH OWNER hub_housing_association;
REVOKE CONNECT, TEMPORARY ON DATABASE hub_housing_association FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE hub_housing_association TO hub_housing_association;
\unset housing_association_password

-- jobcentre ----------------------------------------------------------------------------------
\getenv jobcentre_password JOBCENTRE_DB_PASSWORD
\if :{?jobcentre_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'JOBCENTRE_DB_PASSWORD is not set in the postgres container'; END $$;
\endif
CREATE ROLE hub_jobcentre WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'jobcentre_password';
CREATE DATABASE hub_jobcentre WITH OWNER hub_jobcentre;
REVOKE CONNECT, TEMPORARY ON DATABASE hub_jobcentre FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE hub_jobcentre TO hub_jobcentre;
\unset jobcentre_password

-- volunteer-centre ---------------------------------------------------------------------------
\getenv volunteer_centre_password VOLUNTEER_CENTRE_DB_PASSWORD
\if :{?volunteer_centre_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'VOLUNTEER_CENTRE_DB_PASSWORD is not set in the postgres container'; END $$;
\endif
CREATE ROLE hub_volunteer_centre WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'volunteer_centre_password';
CREATE DATABASE hub_volunteer_centre WITH OWNER hub_volunteer_centre;
REVOKE CONNECT, TEMPORARY ON DATABASE hub_volunteer_centre FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE hub_volunteer_centre TO hub_volunteer_centre;
\unset volunteer_centre_password

-- foundation ---------------------------------------------------------------------------------
\getenv foundation_password FOUNDATION_DB_PASSWORD
\if :{?foundation_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'FOUNDATION_DB_PASSWORD is not set in the postgres container'; END $$;
\endif
CREATE ROLE hub_foundation WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'foundation_password';
CREATE DATABASE hub_foundation WITH OWNER hub_foundation;
REVOKE CONNECT, TEMPORARY ON DATABASE hub_foundation FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE hub_foundation TO hub_foundation;
\unset foundation_password
