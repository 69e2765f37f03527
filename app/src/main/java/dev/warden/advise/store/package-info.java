/**
 * The advisory tables of the store (migration V3): every revision of every advisory with its bytes, the revision in
 * force, matches with their history (active, withdrawn), the review queue and the CISA KEV entries. Methods take the
 * caller's connection so one import is one transaction.
 */
package dev.warden.advise.store;
