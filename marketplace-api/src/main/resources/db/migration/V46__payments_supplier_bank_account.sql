-- a supplier's corporate account (对公账户) that bank transfers go to; one per supplier, replaced when changed
CREATE TABLE supplier_bank_account (
    supplier_id     bigint PRIMARY KEY REFERENCES organization (id),
    bank_name       text        NOT NULL,
    account_name    text        NOT NULL,
    account_number  text        NOT NULL CHECK (account_number ~ '^[0-9]{8,30}$'),
    updated_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- a bank-transfer payment keeps the account it told the buyer to pay to, whatever the supplier changes later
ALTER TABLE payment ADD COLUMN payee_bank_name text;
ALTER TABLE payment ADD COLUMN payee_account_name text;
ALTER TABLE payment ADD COLUMN payee_account_number text;
