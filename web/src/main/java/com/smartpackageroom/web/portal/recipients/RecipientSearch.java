package com.smartpackageroom.web.portal.recipients;

import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.domain.shared.PageRequest;
import com.smartpackageroom.ejb.recipient.RecipientService;
import com.smartpackageroom.ejb.recipient.RecipientView;
import com.smartpackageroom.web.portal.PortalUser;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Recipients: search by name, unit, email or phone, a page at a time (the API's paged search: one
 * query per page and one count).
 */
@Named
@ViewScoped
public class RecipientSearch implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB RecipientService recipients;
  @Inject PortalUser me;

  private String query;

  private final LazyDataModel<RecipientView> model =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) page(0, 1).total();
        }

        @Override
        public List<RecipientView> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          Page<RecipientView> page = page(first / pageSize, pageSize);
          setRowCount((int) page.total());
          return page.items();
        }

        @Override
        public String getRowKey(RecipientView recipient) {
          return recipient.id().toString();
        }
      };

  private Page<RecipientView> page(int number, int size) {
    if (me.getSiteId() == null) {
      return new Page<>(List.of(), 0, number, size);
    }
    return recipients.search(
        me.caller(), me.getSiteId(), query, null, new PageRequest(number, size));
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
