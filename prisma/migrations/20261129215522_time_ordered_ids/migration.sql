-- Time-ordered ids (UUID version 7, RFC 9562): the first 48 bits are the Unix time in milliseconds, the rest random.
-- With random (version 4) ids every new order, line, reservation and delivery landed on a random leaf page of its
-- primary key and of every index that leads with an order id ("OrderLine" (orderId, lineNo), "OrderEvent"
-- (orderId, id), "Reservation" (orderId), "StockMovement" (orderId)), so at a million orders most inserts touched
-- a page that was not in shared buffers. Time-ordered ids append to the right edge of those indexes instead.
-- Measured on the bench database, interleaved runs (bench/RESULTS.md, 2026-11-29).
-- Ids stay opaque uuids: nothing orders by them except as a tie-breaker, and the old ids remain valid.
-- uuid_v7(): bytes 0-5 are the milliseconds since the epoch (big-endian), and setting bits 52 and 53 turns the
-- version nibble of gen_random_uuid() from 4 (0100) into 7 (0111).
-- PostgreSQL 18 has uuidv7() built in. This function works on every version the project supports (15+, PGlite).
CREATE OR REPLACE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
    PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "Channel" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "ChannelDelivery" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "Customer" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "Order" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "OrderLine" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "OrderHold" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "Product" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "Sku" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "Warehouse" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "Bin" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "Reservation" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "PurchaseOrder" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "PurchaseOrderLine" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "Exception" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "PickList" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "PickListLine" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "Package" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "Carrier" ALTER COLUMN "id" SET DEFAULT uuid_v7();

-- AlterTable
ALTER TABLE "Shipment" ALTER COLUMN "id" SET DEFAULT uuid_v7();

