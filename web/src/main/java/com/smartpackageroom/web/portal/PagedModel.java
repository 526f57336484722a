package com.smartpackageroom.web.portal;

import com.smartpackageroom.domain.shared.Page;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy table's model over a service's pages: page number and size in, a page and its total out.
 */
public final class PagedModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** Reads one page (number from 0, size) as the service pages it. */
  public interface Pages<T> extends Serializable {
    Page<T> read(int number, int size);
  }

  private final Pages<T> pages;
  private final SerializableKey<T> key;

  /** A row's key, for the table's row identity. */
  public interface SerializableKey<T> extends Function<T, Object>, Serializable {}

  public PagedModel(Pages<T> pages, SerializableKey<T> key) {
    this.pages = pages;
    this.key = key;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) pages.read(0, 1).total();
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    Page<T> page = pages.read(first / pageSize, pageSize);
    setRowCount((int) page.total());
    return page.items();
  }

  @Override
  public String getRowKey(T row) {
    return String.valueOf(key.apply(row));
  }
}
