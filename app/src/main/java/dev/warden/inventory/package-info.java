/**
 * What Warden knows of the network over time: the inventory of devices and their services ({@link
 * dev.warden.inventory.Inventory}), the change events each discovery produces, and the findings of assessments with
 * their open/fixed lifecycle ({@link dev.warden.inventory.Findings}). Both sit on a {@link dev.warden.store.Store}.
 */
package dev.warden.inventory;
