package io.ysh.aneel;

import java.util.List;
import java.util.Optional;

/**
 * A CKAN package (dataset) as {@code package_show} describes it.
 *
 * @param id the package id (a UUID)
 * @param name the slug, such as {@code tarifas-distribuidoras-energia-eletrica}
 * @param title the human title
 * @param resources its files and tables
 */
public record CkanPackage(String id, String name, String title, List<CkanResource> resources) {

  /**
   * Copies the resource list.
   *
   * @param id see the record
   * @param name see the record
   * @param title see the record
   * @param resources see the record
   */
  public CkanPackage {
    resources = List.copyOf(resources);
  }

  /**
   * Finds a resource by id.
   *
   * @param resourceId the id
   * @return the resource, if the package has it
   */
  public Optional<CkanResource> resource(String resourceId) {
    return resources.stream().filter(r -> r.id().equals(resourceId)).findFirst();
  }
}
