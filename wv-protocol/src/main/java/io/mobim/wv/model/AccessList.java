package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param inUse {@code <InUse>}, or {@code null} when absent
 * @param entityList {@code <EntityList>}, or {@code null} when absent
 * @param addList {@code <AddList>}, or {@code null} when absent
 * @param removeList {@code <RemoveList>}, or {@code null} when absent
 */
public record AccessList(Boolean inUse, EntityList entityList, EntityList addList, EntityList removeList) {
}
