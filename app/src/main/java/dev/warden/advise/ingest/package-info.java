/**
 * Where advisories come from and whether they may come in: files, directories and CSAF providers (provider metadata,
 * ROLIE feeds with hash links, directory indexes) read within the limits of {@code content/advise/ingest.yaml}, and
 * every document checked for strict UTF-8, the CSAF 2.0 schema and the mandatory product-id tests before anything
 * reads it as an advisory.
 */
package dev.warden.advise.ingest;
