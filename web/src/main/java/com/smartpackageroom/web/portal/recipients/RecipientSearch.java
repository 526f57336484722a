package com.smartpackageroom.web.portal.recipients;

import com.smartpackageroom.domain.recipient.RecipientStatus;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.domain.shared.PageRequest;
import com.smartpackageroom.ejb.recipient.RecipientService;
import com.smartpackageroom.ejb.recipient.RecipientView;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Recipients: search by name, unit, email or phone, a page at a time (the API's paged search: one
 * query per page and one count); moved-out residents only when asked for. Add Recipient by hand
 * (the same service as the API's POST).
 */
@Named
@ViewScoped
public class RecipientSearch implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB RecipientService recipients;
  @Inject PortalUser me;

  private String query;
  private boolean showMovedOut;
  private RecipientForm added = new RecipientForm();

  /**
   * The table's rows, a page at a time: one count and one page query per request. PrimeFaces asks
   * for the count before the page; the count of the criteria last shown is answered without a query
   * (the page's own query then refreshes it), and for new criteria the first page is read with its
   * count at once and handed to the load that follows.
   */
  private final LazyDataModel<RecipientView> model =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          String criteria = criteria();
          if (!criteria.equals(countedCriteria)) {
            firstPage = page(0, PAGE_SIZE);
            countedCriteria = criteria;
            counted = firstPage.total();
          }
          return (int) counted;
        }

        @Override
        public List<RecipientView> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          Page<RecipientView> page =
              firstPage != null && first == 0 && pageSize == PAGE_SIZE
                  ? firstPage
                  : page(first / pageSize, pageSize);
          firstPage = null;
          countedCriteria = criteria();
          counted = page.total();
          setRowCount((int) page.total());
          return page.items();
        }

        @Override
        public String getRowKey(RecipientView recipient) {
          return recipient.id().toString();
        }
      };

  /** The table's page size (index.xhtml's rows). */
  static final int PAGE_SIZE = 25;

  private String countedCriteria;
  private long counted;
  private transient Page<RecipientView> firstPage;

  private String criteria() {
    return me.getSiteId() + "|" + showMovedOut + "|" + (query == null ? "" : query.strip());
  }

  private Page<RecipientView> page(int number, int size) {
    if (me.getSiteId() == null) {
      return new Page<>(List.of(), 0, number, size);
    }
    try {
      return recipients.search(
          me.caller(),
          me.getSiteId(),
          query,
          showMovedOut ? null : RecipientStatus.ACTIVE,
          new PageRequest(number, size));
    } catch (DomainException e) {
      if (!"invalid-request".equals(e.code())) {
        throw e;
      }
      // a search the service refuses (said beside the field by search()): nothing found
      return new Page<>(List.of(), 0, number, size);
    }
  }

  /** Search (and Show moved-out recipients): the results from their first page. */
  public void search() {
    try {
      RecipientService.searchText(query);
    } catch (DomainException e) {
      // too long, or a control character pasted in
      Messages.error("search:query", e.getMessage().replaceFirst("^q ", "The search "));
    }
    if (FacesContext.getCurrentInstance().getViewRoot().findComponent("search:results")
        instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  /** Add Recipient: opens an empty form. */
  public void startAdding() {
    added = new RecipientForm();
  }

  /** Saves the new recipient, or keeps the dialog open with the refusal beside its field. */
  public void add() {
    try {
      RecipientView r = recipients.create(me.caller(), me.getSiteId(), added.data());
      Messages.info(null, r.firstName() + " " + r.lastName() + " was added.");
      added = new RecipientForm();
    } catch (DomainException e) {
      RecipientForm.refused("addForm", e);
    }
  }

  public RecipientForm getAdded() {
    return added;
  }

  public boolean isShowMovedOut() {
    return showMovedOut;
  }

  public void setShowMovedOut(boolean showMovedOut) {
    this.showMovedOut = showMovedOut;
  }

  public LazyDataModel<RecipientView> getModel() {
    return model;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}
