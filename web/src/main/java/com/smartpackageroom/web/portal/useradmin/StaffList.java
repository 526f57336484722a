package com.smartpackageroom.web.portal.useradmin;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.ejb.account.StaffView;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** User Admin > Staff: the site's staff and property managers (managers only). */
@Named
@ViewScoped
public class StaffList implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB AccountService accounts;
  @Inject PortalUser me;

  private List<StaffView> staff = List.of();

  /** On opening: a role that may not see staff is sent back to the Dashboard with a word why. */
  public void load() {
    try {
      staff = accounts.staffOf(me.caller(), me.getSiteId());
    } catch (DomainException e) {
      Messages.errorAfterRedirect("User Admin is for property managers and administrators.");
      FacesContext context = FacesContext.getCurrentInstance();
      context
          .getApplication()
          .getNavigationHandler()
          .handleNavigation(context, null, "/dashboard/index.xhtml?faces-redirect=true");
    }
  }

  public List<StaffView> getStaff() {
    return staff;
  }
}
